import Catalog
import EngineAPI
import PromptKit

/// The LoRA and embedding browser's cursor (the list itself is `AppState.adapterFiles`, which
/// the TUI reads from the library folders when the browser opens).
public struct AdapterBrowser: Equatable, Sendable {
    public var selected: Int
    public init(selected: Int = 0) { self.selected = selected }
}

extension AdapterFile {
    /// The names a tag may call this file by.
    public var tagNames: Set<String> { Set([name] + [alias].compactMap { $0 }) }

    /// The tag Enter inserts: `<lora:name:1>` (A1111's default multiplier,
    /// `extra_networks_default_multiplier`), or an embedding's name (the word that calls it).
    public var insertedText: String { kind == .lora ? "<lora:\(name):1>" : name }

    /// Where a file's tag is in the document: the extra tags, else (a LoRA) the raw prompt.
    public func tag(in document: Document) -> String? {
        if kind == .embedding {
            let words = (document.grid.extraTags + [document.grid.negative, document.raw?.prompt ?? "", document.raw?.negative ?? ""])
                .joined(separator: ",").lowercased()
                .split { !$0.isLetter && !$0.isNumber && $0 != "_" && $0 != "-" }
            return words.contains { $0 == name.lowercased() } ? name : nil
        }
        if let index = LoraTagText.index(of: tagNames, in: document.grid.extraTags) { return document.grid.extraTags[index] }
        return document.raw.flatMap { raw in LoraTagText.tags(in: raw.prompt).first { LoraTagText.name(of: $0).map(tagNames.contains) ?? false } }
    }

    /// Why the file does not suit `family`, if it does not: an SDXL LoRA on SD 1.5 (the engine
    /// refuses it with the same reason). Nil when it fits or nothing says.
    public func fitProblem(for family: ModelFamily) -> String? {
        guard let own = self.family, [.sd15, .sdxl, .pony].contains(family) else { return nil }
        if let dialect = ModelFamily.dialect(for: own, names: []), dialect.promptsSameCheckpoints(as: family) { return nil }
        return "made for \(own.displayName), not \(family.profile.name)"
    }
}
