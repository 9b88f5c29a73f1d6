import PromptKit
import Tokenizer
import TUICore

extension PromptAnalyzer {
    /// The analyzer with CLIP token counts — per 75-token chunk for the prompt view and per
    /// BREAK section for the linter, both from PromptKit's `CLIPSectionTokenCounter` (A1111's
    /// reading: extra-network tags removed, prompt editing resolved, emphasis parsed, A1111
    /// chunking) — when CLIP's vocabulary is installed; without them otherwise, and why.
    /// `knownLoRAs` turns on the lint's `lora` rule.
    /// `embeddings` (name, vector count) count as their vectors.
    static func withCLIPTokenizer(knownLoRAs: Set<String>? = nil,
                                  embeddings: [(name: String, vectors: Int)] = []) -> (PromptAnalyzer, problem: String?) {
        do {
            let tokenizer = try CLIPTokenizer.locateDefault()
            let vocabulary = EmbeddingVocabulary(names: embeddings, tokenizer: tokenizer)
            let counter = RecentSectionCounts(CLIPSectionTokenCounter(tokenizer: tokenizer, embeddings: vocabulary))
            let analyzer = PromptAnalyzer(tokenCounter: counter, chunkCounter: { prompt in
                counter.sectionChunkSizes(prompt).map { $0.flatMap { $0 } }
            }, knownLoRAs: knownLoRAs)
            return (analyzer, nil)
        } catch {
            return (PromptAnalyzer(knownLoRAs: knownLoRAs), "token counts unavailable: \(error)")
        }
    }
}
