import Foundation

extension PresetStore {
    /// What `importStyles` did.
    public struct StyleImport: Equatable, Sendable {
        public var imported: [String] = []
        /// Names skipped because a preset of that name exists (and `force` was not given) or
        /// is built in.
        public var skipped: [String] = []
    }

    /// Saves each A1111 style as a preset named after it, spelled as in the file (stored under
    /// `PresetName.fileName(for:)`), holding an empty SD 1.5 grid and the style, which
    /// `Preset.render` applies with A1111's `merge_prompts` rule. A repeated name gets " (2)".
    public func importStyles(_ styles: [PromptStyle], force: Bool = false) throws -> StyleImport {
        var result = StyleImport()
        var taken = Set<String>()
        for style in styles {
            let base = (try? PresetName.validate(style.name)) != nil ? style.name : PresetName.sanitized(style.name)
            var name = base
            var n = 2
            while taken.contains(name) { name = "\(base) (\(n))"; n += 1 }
            taken.insert(name)
            let preset = Preset(name: name, description: "A1111 style \"\(style.name)\"",
                                grid: PromptGrid(family: .sd15), style: style)
            do {
                try save(preset, force: force)
                result.imported.append(name)
            } catch PromptKitError.presetExists, PromptKitError.builtInPreset {
                result.skipped.append(name)
            }
        }
        return result
    }

    /// Every preset that loads, as A1111 styles: a preset that is only a style (empty grid)
    /// gives its style back unchanged; any other gives its rendered prompt and negative under
    /// the preset's name.
    public func exportStyles() -> [PromptStyle] {
        list().compactMap { listing in
            guard case .success(let preset) = listing.preset else { return nil }
            if preset.styles.count == 1, let style = preset.style, preset.grid.isEmpty { return style }
            let rendered = preset.render()
            return PromptStyle(name: preset.name, prompt: rendered.prompt, negativePrompt: rendered.negative ?? "")
        }
    }
}

extension PromptGrid {
    /// No rows, no extra tags, no negative.
    public var isEmpty: Bool { filledRows.isEmpty && extraTags.allSatisfy(\.isBlank) && negative.isBlank }
}
