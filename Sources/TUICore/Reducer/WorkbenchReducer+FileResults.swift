import Foundation
import PromptKit
import RenderSettings

extension WorkbenchReducer {
    func reduceFileResult(_ state: inout AppState, _ action: Action) -> Reaction {
        switch action {
        case .presetsLoaded(let entries, let errors):
            state.presets = entries
            if case .presets(var browser) = state.topOverlay {
                browser.selected = min(browser.selected, max(0, entries.count - 1))
                state.overlays[state.overlays.count - 1] = .presets(browser)
            }
            if let first = errors.first {
                let more = errors.count > 1 ? " (and \(errors.count - 1) more)" : ""
                state.status = .error(first + more)
            }
            return Reaction(redraw: [.overlay, .status])
        case .openPreset(let name, let keepTheme):
            guard let entry = state.presets.first(where: { $0.name == name }) else {
                state.status = .error("No preset named “\(name)” (p lists them)")
                return Reaction(redraw: [.status])
            }
            return loadPreset(&state, entry, keepTheme: keepTheme)
        case .themeApplied(let theme):
            state.theme = theme
            return Reaction(redraw: .all)
        case .presetSaved(let name):
            state.status = .success("Saved preset “\(name)”")
            return Reaction(redraw: [.status], effects: [.reloadPresets])
        case .presetDeleted(let name):
            state.status = .success("Deleted preset “\(name)”")
            return Reaction(redraw: [.status], effects: [.reloadPresets])
        case .presetRenamed(let from, let to):
            state.status = .success("Renamed “\(from)” to “\(to)”")
            return Reaction(redraw: [.status], effects: [.reloadPresets])
        case .stylesImported(let count, let path):
            state.status = .success("Imported \(count) style\(count == 1 ? "" : "s") from \(path)")
            return Reaction(redraw: [.status], effects: [.reloadPresets])
        case .imageSaved(let path):
            // The whole path: the status line shortens it in the middle, never its file name.
            state.status = .success("Saved \(path)")
            return Reaction(redraw: [.status])
        case .imageOpened(let path, let settings, let grid):
            return openImage(&state, path: path, settings: settings, grid: grid)
        case .initImageLoaded(let path, let width, let height):
            return initImageLoaded(&state, path: path, width: width, height: height)
        case .operationFailed(let message):
            state.status = .error(message)
            return Reaction(redraw: [.status])
        case .engineNote(let message):
            state.status = .warning(message)
            guard !state.engineNotes.contains(message) else { return Reaction(redraw: [.status]) }
            state.engineNotes.append(message)
            refreshAnalysis(&state)
            return Reaction(redraw: [.status, .prompt])
        case .clipboardCopied(let characters, let what):
            state.status = .success("Copied \(what) (\(characters) characters) with OSC 52")
            return Reaction(redraw: [.status])
        default:
            return .none
        }
    }

    /// Parameters read from an A1111 or ComfyUI PNG: all settings and the prompts. A PNG Easel
    /// saved carries the grid it was rendered from, which is restored row by row when it still
    /// renders the PNG's prompt and negative (it would not if the text was edited elsewhere).
    /// Otherwise the prompt loads as written, in raw-prompt mode (`Document.raw`), which no
    /// dialect rewrites; F4 or the family picker turns it into grid text. The status line names
    /// what the PNG used that is not applied here (`notApplied`).
    func openImage(_ state: inout AppState, path: String, settings: RenderSettings, grid saved: PromptGrid?) -> Reaction {
        let name = (path as NSString).lastPathComponent
        var restoredRows = false
        let known = Set(state.adapterFiles.filter { $0.kind == .lora && $0.problem == nil }.flatMap(\.tagNames))
        let noiseSources = state.engines.noiseSources
        let missing = notApplied(settings, loadedModel: modelName(state), knownLoRAs: known, noiseSources: noiseSources)
        var reaction = change(&state, kind: nil) { doc in
            if let saved, Self.renders(saved, settings) {
                doc.grid = saved
                doc.raw = nil
                restoredRows = true
            } else if let saved, var raw = Self.rawPart(of: settings, before: saved) {
                // Saved in raw-prompt mode: the raw prompt, then the rows' tags.
                raw.source = name
                raw.notApplied = missing
                doc.grid = saved
                doc.raw = raw
                restoredRows = true
            } else {
                doc.grid = PromptGrid(family: doc.family)
                doc.raw = RawPrompt(prompt: settings.prompt.trimmingCharacters(in: .whitespacesAndNewlines),
                                    negative: settings.negativePrompt.trimmingCharacters(in: .whitespacesAndNewlines),
                                    source: name, notApplied: missing)
            }
            doc.styles = []
            var s = settings
            s.prompt = ""
            s.negativePrompt = ""
            if !noiseSources.contains(s.rng) { s.rng = .cpu }
            doc.settings = s
            doc.seedLocked = true
        }
        let loaded = restoredRows ? "Loaded the grid and parameters from \(name)" : "Loaded \(name) as a raw prompt with its parameters"
        state.status = missing.isEmpty ? .success(loaded) : .warning(loaded + "; not applied: " + missing.joined(separator: ", "))
        reaction.redraw.formUnion([.status, .layout])
        return reaction
    }

    /// What a PNG's settings ask for that this render does not do: another model, LoRAs (read
    /// from `<lora:…>` tags and A1111's "Lora hashes"), hires-fix keys Easel does not read (its
    /// upscale, steps and upscaler are settings: `RenderSettings.hires`), a noise source the
    /// engine does not render (GPU noise on this machine).
    func notApplied(_ settings: RenderSettings, loadedModel: String?, knownLoRAs: Set<String> = [],
                    noiseSources: Set<RNGSource> = [.cpu]) -> [String] {
        var out: [String] = []
        if let model = settings.modelName, !model.isEmpty, model != loadedModel {
            out.append("model \(model)" + (loadedModel.map { " (rendering with \($0))" } ?? ""))
        }
        // A prompt's LoRA tags render when the library folders hold the file (the lint names the
        // others); a "Lora hashes" name without a tag (a ComfyUI loader node) does not.
        let tagged = Self.loraNames(in: settings.prompt)
        var loras = tagged.filter { !knownLoRAs.contains($0) }
        if let hashes = settings.extraParameters.first(where: { $0.key == "Lora hashes" })?.value {
            loras += hashes.split(separator: ",").map { $0.split(separator: ":").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
                .filter { !tagged.contains($0) }
        }
        loras = Array(Set(loras.filter { !$0.isEmpty })).sorted()
        if !loras.isEmpty { out.append("LoRA " + loras.joined(separator: ", ")) }
        if let hires = settings.extraParameters.first(where: { $0.key.hasPrefix("Hires") }) {
            out.append("hires fix (\(hires.key) \(hires.value))")
        }
        if let hires = settings.hires, let name = hires.unavailableUpscaler {
            out.append("hires upscaler \(name) (\(hires.upscaler.displayName) here)")
        }
        if !noiseSources.contains(settings.rng) { out.append("\(settings.rng.displayName) RNG (CPU noise here, so the image differs)") }
        return out
    }

    /// The names in `<lora:name:weight>` tags.
    static func loraNames(in prompt: String) -> [String] {
        prompt.components(separatedBy: "<lora:").dropFirst().compactMap { part in
            part.split(separator: ">").first?.split(separator: ":").first.map(String.init)
        }
    }

    /// Leaves raw-prompt mode for a dialect: the raw prompt becomes the grid's extra tags and
    /// its negative the grid's, less what `family`'s dialect adds by itself (its quality tags,
    /// its default negative), so the dialect does not write those twice.
    static func leaveRawMode(_ doc: inout Document, family: ModelFamily) {
        guard let raw = doc.raw else { return }
        let defaults = PromptGrid(family: family).render()
        let kept = doc.grid
        var grid = kept
        grid.family = family
        let tags = [Self.removing(defaults.prompt, from: raw.prompt), kept.text(at: GridCell(.extraTags))]
        grid.setText(tags.filter { !$0.isEmpty }.joined(separator: ", "), at: GridCell(.extraTags))
        grid.negative = [Self.removing(defaults.negative ?? "", from: raw.negative), kept.negative]
            .filter { !$0.isEmpty }.joined(separator: ", ")
        doc.grid = grid
        doc.raw = nil
    }

    /// The raw prompt a PNG saved in raw-prompt mode began with: its prompt and negative end
    /// with what `grid`'s rows add (`RawPrompt.render(with:)`). Nil when they do not, or the
    /// grid adds nothing.
    static func rawPart(of settings: RenderSettings, before grid: PromptGrid) -> RawPrompt? {
        let added = RawPrompt(prompt: "").render(with: grid)
        guard !added.prompt.isEmpty else { return nil }
        func head(_ text: String, _ tail: String) -> String? {
            if tail.isEmpty { return text }
            if text == tail { return "" }
            return text.hasSuffix(", " + tail) ? String(text.dropLast(tail.count + 2)) : nil
        }
        guard let prompt = head(settings.prompt, added.prompt),
              let negative = head(settings.negativePrompt, added.negative ?? "") else { return nil }
        let raw = RawPrompt(prompt: prompt, negative: negative)
        return raw.render(with: grid).prompt == settings.prompt ? raw : nil
    }

    /// Whether `grid` renders exactly the prompt and negative of `settings`.
    static func renders(_ grid: PromptGrid, _ settings: RenderSettings) -> Bool {
        let rendered = grid.render()
        return rendered.prompt == settings.prompt && (rendered.negative ?? "") == settings.negativePrompt
    }

    /// `text` without `part` at its start or end (with the ", " joining them).
    static func removing(_ part: String, from text: String) -> String {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !part.isEmpty else { return text }
        if text == part { return "" }
        if text.hasPrefix(part + ",") {
            return String(text.dropFirst(part.count + 1)).trimmingCharacters(in: .whitespaces)
        }
        if text.hasSuffix(", " + part) { return String(text.dropLast(part.count + 2)) }
        return text
    }
}
