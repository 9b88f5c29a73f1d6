import Foundation
import RenderSettings

extension RenderSettings {
    /// These settings with the prompt and the negative expanded by `expander` from the seed
    /// (the negative from a stream of its own, so adding a choice to one leaves the other's
    /// picks alone), the templates recorded for the infotext when anything changed, and the
    /// expander's notes. Settings whose prompts have no wildcard syntax come back unchanged.
    public func expandingWildcards(_ expander: WildcardExpander) -> (settings: RenderSettings, notes: [String]) {
        var out = self
        var notes: [String] = []
        if WildcardExpander.hasSyntax(prompt) {
            let expansion = expander.expand(prompt, seed: seed)
            if expansion.changed { (out.prompt, out.promptTemplate) = (expansion.text, prompt) }
            notes += expansion.notes
        }
        if WildcardExpander.hasSyntax(negativePrompt) {
            let expansion = expander.expand(negativePrompt, seed: seed ^ 0x6E65_6761_7469_7665)   // "negative"
            if expansion.changed { (out.negativePrompt, out.negativeTemplate) = (expansion.text, negativePrompt) }
            notes += expansion.notes.filter { !notes.contains($0) }
        }
        return (out, notes)
    }
}
