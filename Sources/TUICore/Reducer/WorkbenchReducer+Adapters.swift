import Catalog
import EngineAPI
import PromptKit

/// The LoRA and embedding browser (F10, Alt-l): Enter puts a file's tag into the grid's extra
/// tags, ←/→ re-weight its tag, Delete takes it out. Every change is an ordinary document edit,
/// so the next render carries the new `<lora:…>` weights and the engine re-merges only the
/// layers the LoRA touches (`Models.WeightPatcher`); the model is never reloaded.
extension WorkbenchReducer {
    func openAdapters(_ state: inout AppState) -> Reaction {
        state.overlays.append(.adapters(AdapterBrowser()))
        return Reaction(redraw: [.overlay], effects: [.listAdapters])
    }

    func adaptersListed(_ state: inout AppState, _ files: [AdapterFile], source: String? = nil) -> Reaction {
        state.adapterFiles = files
        state.adapterSource = source
        if case .adapters(var browser) = state.topOverlay {
            browser.selected = min(browser.selected, max(0, files.count - 1))
            state.overlays[state.overlays.count - 1] = .adapters(browser)
        }
        refreshAnalysis(&state)
        return Reaction(redraw: [.overlay, .prompt])
    }

    func performAdapters(_ state: inout AppState, _ command: Command, _ browser: AdapterBrowser) -> Reaction {
        var browser = browser
        let count = state.adapterFiles.count
        let page = max(1, min(24, state.rows - 4) - 4)
        let selected = count > 0 ? state.adapterFiles[min(browser.selected, count - 1)] : nil
        switch command {
        case .moveUp: browser.selected = max(0, browser.selected - 1)
        case .moveDown: browser.selected = max(0, min(count - 1, browser.selected + 1))
        case .pageUp: browser.selected = max(0, browser.selected - page)
        case .pageDown: browser.selected = max(0, min(count - 1, browser.selected + page))
        case .moveFirst: browser.selected = 0
        case .moveLast: browser.selected = max(0, count - 1)
        case .cancel:
            state.overlays.removeLast()
            return Reaction(redraw: [.overlay, .layout])
        case .confirm, .addToNegative:
            guard let file = selected else { return .none }
            return insertAdapter(&state, file, negative: command == .addToNegative)
        case .increase, .decrease:
            guard let file = selected else { return .none }
            return reweight(&state, file, up: command == .increase)
        case .removeTag:
            guard let file = selected else { return .none }
            return removeAdapter(&state, file)
        default:
            return .none
        }
        state.overlays[state.overlays.count - 1] = .adapters(browser)
        return Reaction(redraw: [.overlay])
    }

    func insertAdapter(_ state: inout AppState, _ file: AdapterFile, negative: Bool) -> Reaction {
        if let problem = file.problem {
            state.status = .error("\(file.name) cannot be used: \(problem)")
            return Reaction(redraw: [.status])
        }
        if file.tag(in: state.document) != nil {
            state.status = .info(file.kind == .lora ? "\(file.name) is in the prompt already; ←/→ change its weight"
                                                    : "\(file.name) is in the prompt already")
            return Reaction(redraw: [.status])
        }
        var reaction = change(&state, kind: nil) { doc in
            if negative {
                doc.grid.negative = [doc.grid.negative, file.insertedText].filter { !$0.isEmpty }.joined(separator: ", ")
            } else {
                doc.grid.extraTags.append(file.insertedText)
            }
        }
        let place = negative ? "the negative prompt" : "the extra tags"
        var message = "Added \(file.insertedText) to \(place)"
        if let fit = fitProblem(state, file) { message += "; \(fit)" }
        state.status = fitProblem(state, file) == nil ? .success(message) : .warning(message)
        reaction.redraw.formUnion([.overlay, .status, .grid])
        return reaction
    }

    func reweight(_ state: inout AppState, _ file: AdapterFile, up: Bool) -> Reaction {
        guard file.kind == .lora else {
            state.status = .info("An embedding has no weight of its own; write (\(file.name):1.2) to emphasise it")
            return Reaction(redraw: [.status])
        }
        var next: Double?
        var reaction = change(&state, kind: "lora weight \(file.name)") { doc in
            if let index = LoraTagText.index(of: file.tagNames, in: doc.grid.extraTags) {
                let tag = doc.grid.extraTags[index]
                let weight = LoraTagText.stepped(LoraTagText.weight(of: tag) ?? 1, up: up)
                doc.grid.extraTags[index] = LoraTagText.setting(weight, in: tag)
                next = weight
            } else if var raw = doc.raw, let tag = LoraTagText.tags(in: raw.prompt).first(where: {
                LoraTagText.name(of: $0).map(file.tagNames.contains) ?? false
            }) {
                let weight = LoraTagText.stepped(LoraTagText.weight(of: tag) ?? 1, up: up)
                raw.prompt = raw.prompt.replacingFirst(tag, with: LoraTagText.setting(weight, in: tag))
                doc.raw = raw
                next = weight
            }
        }
        guard let next else {
            state.status = .info("\(file.name) is not in the prompt; Enter adds it")
            return Reaction(redraw: [.status])
        }
        state.status = .info("\(file.name): weight \(ParameterFormat.number(next)) (re-merged, no model reload)")
        reaction.redraw.formUnion([.overlay, .status, .grid])
        return reaction
    }

    /// Ctrl-↑/↓ while the cursor is on a `<lora:…>` tag in the field being edited: that tag's
    /// weight ±0.1 instead of the row's. Nil when the cursor is on no LoRA tag.
    func changeTagWeight(_ state: inout AppState, up: Bool) -> Reaction? {
        guard let editor = state.editor,
              let range = LoraTagText.tagRange(at: editor.cursor, in: editor.characters) else { return nil }
        let tag = String(editor.characters[range])
        guard let name = LoraTagText.name(of: tag) else { return nil }
        let weight = LoraTagText.stepped(LoraTagText.weight(of: tag) ?? 1, up: up)
        let replaced = LoraTagText.setting(weight, in: tag)
        var characters = editor.characters
        characters.replaceSubrange(range, with: Array(replaced))
        let text = String(characters)
        let cursor = min(editor.cursor, range.lowerBound + replaced.count)
        state.editor = TextField(text, cursor: cursor)
        let cell = state.gridCursor
        var reaction = change(&state, kind: "lora weight \(name)") { $0.grid.setText(text, at: cell) }
        state.status = .info("\(name): weight \(ParameterFormat.number(weight)) (re-merged, no model reload)")
        reaction.redraw.formUnion([.status, .grid])
        return reaction
    }

    func removeAdapter(_ state: inout AppState, _ file: AdapterFile) -> Reaction {
        var removed = false
        var reaction = change(&state, kind: nil) { doc in
            if file.kind == .lora {
                if let index = LoraTagText.index(of: file.tagNames, in: doc.grid.extraTags) {
                    doc.grid.extraTags.remove(at: index)
                    removed = true
                } else if var raw = doc.raw, let tag = LoraTagText.tags(in: raw.prompt).first(where: {
                    LoraTagText.name(of: $0).map(file.tagNames.contains) ?? false
                }) {
                    raw.prompt = LoraTagText.removing(tag, from: raw.prompt)
                    doc.raw = raw
                    removed = true
                }
            } else {
                let before = doc.grid.extraTags.count
                doc.grid.extraTags.removeAll { $0.lowercased() == file.name.lowercased() }
                let negative = doc.grid.negative
                doc.grid.negative = negative.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { $0.lowercased() != file.name.lowercased() }.joined(separator: ", ")
                removed = before != doc.grid.extraTags.count || negative != doc.grid.negative
            }
        }
        state.status = removed ? .success("Took \(file.name) out of the prompt") : .info("\(file.name) is not in the prompt")
        reaction.redraw.formUnion([.overlay, .status, .grid])
        return reaction
    }

    /// Why `file` does not suit the document's model family, if it does not: an SDXL LoRA on
    /// SD 1.5 (the engine refuses it with the same reason). Nil when it fits or nothing says.
    func fitProblem(_ state: AppState, _ file: AdapterFile) -> String? {
        file.fitProblem(for: state.document.family)
    }

    /// On an engine with its own LoRA list (`AppState.adapterSource`), the lint's `lora` rule
    /// checks the prompt's tags against that list instead of the library folders here.
    func engineLoRAWarnings(_ state: inout AppState, source: String) {
        let known = Set(state.adapterFiles.filter { $0.kind == .lora }.flatMap(\.tagNames))
        let folderRule = "is not in the LoRA folders"
        state.analysis.warnings.removeAll { $0.hasPrefix("lora '") && $0.contains(folderRule) }
        var seen = Set<String>()
        let prompt = state.analysis.rendered.prompt + " " + (state.analysis.rendered.negative ?? "")
        for name in LoraTagText.tags(in: prompt).compactMap(LoraTagText.name(of:))
        where !known.contains(name) && seen.insert(name).inserted {
            state.analysis.warnings.append("lora '\(name)' is not on \(source); it renders without it")
        }
    }

    /// Prompt-view notes: each LoRA tag in the prompt whose file is for another family, and the
    /// engine's notes on the last render.
    func adapterNotes(_ state: AppState) -> [String] {
        var notes: [String] = []
        let tags = LoraTagText.tags(in: state.analysis.rendered.prompt)
        for file in state.adapterFiles where file.kind == .lora {
            guard tags.contains(where: { LoraTagText.name(of: $0).map(file.tagNames.contains) ?? false }),
                  let problem = fitProblem(state, file) else { continue }
            notes.append("lora '\(file.name)' is \(problem); the render goes on without it")
        }
        // An engine note about a LoRA the lint (or the lines above) already named is left out.
        let named = state.analysis.warnings + notes
        for note in state.engineNotes {
            if note.hasPrefix("lora '"), let end = note.dropFirst(6).firstIndex(of: "'") {
                let subject = String(note[...end])
                if named.contains(where: { $0.hasPrefix(subject) }) { continue }
            }
            notes.append("engine: " + note)
        }
        return notes
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
