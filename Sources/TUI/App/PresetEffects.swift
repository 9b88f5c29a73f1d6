import Foundation
import PromptKit
import TUICore

/// Carries out preset effects with PromptKit's `PresetStore` (built-ins plus one JSON file per
/// user preset, saved atomically) and reports the outcome as an action.
struct PresetEffects {
    let store: PresetStore

    func perform(_ effect: Effect) -> Action {
        do {
            switch effect {
            case .reloadPresets:
                return reload()
            case .savePreset(let name, let document, let theme, let overwrite):
                var preset = document.preset(named: name)
                preset.theme = theme
                try store.save(preset, force: overwrite)
                return .presetSaved(name: name)
            case .renamePreset(let from, let to):
                var preset = try store.load(from)
                preset.name = to
                try store.save(preset, force: false)
                try store.delete(from)
                return .presetRenamed(from: from, to: to)
            case .deletePreset(let name):
                try store.delete(name)
                return .presetDeleted(name: name)
            case .importStyles(let path):
                let styles = try StylesCSV.read(from: URL(fileURLWithPath: path))
                let result = try store.importStyles(styles)
                if !result.skipped.isEmpty && result.imported.isEmpty {
                    return .operationFailed("\(path): every style already exists as a preset (\(result.skipped.joined(separator: ", ")))")
                }
                return .stylesImported(count: result.imported.count, from: URL(fileURLWithPath: path).lastPathComponent)
            default:
                return .operationFailed("not a preset operation")
            }
        } catch {
            return .operationFailed("\(error)")
        }
    }

    /// Every preset that loads, and one error line per file that does not.
    private func reload() -> Action {
        var entries: [PresetEntry] = []
        var errors: [String] = []
        for listing in store.list() {
            switch listing.preset {
            case .success(let preset):
                entries.append(PresetEntry(name: listing.name, isBuiltIn: listing.source == .builtIn,
                                           document: Document(preset: preset), theme: preset.theme))
            case .failure(let error):
                errors.append("\(error)")
            }
        }
        return .presetsLoaded(entries, errors: errors)
    }
}
