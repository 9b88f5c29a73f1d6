import PromptKit
import RenderSettings

/// What the prompt's wildcards expand to with the document's seed: the text that renders (the
/// prompt view shows it under the template) and the expander's notes.
public struct WildcardPreview: Equatable, Sendable {
    public var seed: UInt64
    public var prompt: String
    public var negative: String
    public var notes: [String]

    /// The preview for `rendered` (the dialect's output) with `settings`' seed, or nil when
    /// neither prompt has wildcard syntax or nothing changes.
    public static func make(_ rendered: RenderedPrompt, settings: RenderSettings, library: WildcardLibrary) -> WildcardPreview? {
        var s = settings
        s.prompt = rendered.prompt
        s.negativePrompt = rendered.negative ?? ""
        guard WildcardExpander.hasSyntax(s.prompt) || WildcardExpander.hasSyntax(s.negativePrompt) else { return nil }
        let (expanded, notes) = s.expandingWildcards(library.expander)
        guard expanded.promptTemplate != nil || expanded.negativeTemplate != nil || !notes.isEmpty else { return nil }
        return WildcardPreview(seed: s.seed, prompt: expanded.prompt, negative: expanded.negativePrompt, notes: notes)
    }
}
