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
            let file = path as NSString   // plain string operations: no current directory involved
            state.status = .success("Saved \(file.lastPathComponent) in \(file.deletingLastPathComponent)")
            return Reaction(redraw: [.status])
        case .imageOpened(let path, let settings, let grid):
            return openImage(&state, path: path, settings: settings, grid: grid)
        case .initImageLoaded(let path, let width, let height):
            return initImageLoaded(&state, path: path, width: width, height: height)
        case .operationFailed(let message):
            state.status = .error(message)
            return Reaction(redraw: [.status])
        case .clipboardCopied(let characters):
            state.status = .success("Copied the prompt (\(characters) characters) with OSC 52")
            return Reaction(redraw: [.status])
        default:
            return .none
        }
    }

    /// Parameters read from an A1111 PNG: all settings and the prompts. A PNG Easel saved
    /// carries the grid it was rendered from, which is restored row by row when it still renders
    /// the PNG's prompt and negative (it would not if the text was edited elsewhere). Otherwise
    /// the prompt goes into the grid's extra tags (a plain prompt has no rows to split into),
    /// less what the family's dialect adds by itself (its quality tags, its default negative), so
    /// rendering the loaded grid gives back the PNG's prompt instead of doubling those parts.
    func openImage(_ state: inout AppState, path: String, settings: RenderSettings, grid saved: PromptGrid?) -> Reaction {
        var restoredRows = false
        var reaction = change(&state, kind: nil) { doc in
            if let saved, Self.renders(saved, settings) {
                doc.grid = saved
                restoredRows = true
            } else {
                let defaults = PromptGrid(family: doc.family).render()
                var grid = PromptGrid(family: doc.family)
                grid.setText(Self.removing(defaults.prompt, from: settings.prompt), at: GridCell(.extraTags))
                grid.negative = Self.removing(defaults.negative ?? "", from: settings.negativePrompt)
                doc.grid = grid
            }
            doc.style = nil
            var s = settings
            s.prompt = ""
            s.negativePrompt = ""
            doc.settings = s
            doc.seedLocked = true
        }
        let name = (path as NSString).lastPathComponent
        state.status = .success(restoredRows ? "Loaded the grid and parameters from \(name)"
                                             : "Loaded parameters from \(name)")
        reaction.redraw.formUnion([.status, .layout])
        return reaction
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
