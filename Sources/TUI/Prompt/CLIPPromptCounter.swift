import PromptKit
import PromptSyntax
import Tokenizer
import TUICore

/// Token counts for the prompt view and the linter, with CLIP's tokenizer, the way A1111
/// counts: extra-network tags (`<lora:…>`) removed first (A1111 `extra_networks.parse_prompt`),
/// attention syntax parsed away, then A1111's 75-token chunks (with the comma backtrack) or the
/// BREAK-separated sections the linter checks.
struct CLIPPromptCounter: SectionTokenCounting {
    let tokenizer: CLIPTokenizer

    /// Tokens in each 75-token chunk, as A1111 splits the prompt.
    func chunkCounts(_ prompt: String) -> [Int] {
        let text = ExtraNetworkTag.extract(from: prompt).text
        return A1111Chunker(tokenizer: tokenizer).chunk(text).chunks.map(\.tokenCount)
    }

    /// Tokens in each BREAK-separated section (before chunking).
    func sectionTokenCounts(_ prompt: String) throws -> [Int] {
        let text = ExtraNetworkTag.extract(from: prompt).text
        var sections = [0]
        for span in parsePromptAttention(text) {
            if span.isBreak {
                sections.append(0)
            } else {
                sections[sections.count - 1] += tokenizer.encode(span.text).count
            }
        }
        return sections
    }

    /// The prompt analyzer with token counts and the token lint rule, when CLIP's vocabulary is
    /// installed; without them otherwise (and the reason).
    static func analyzer() -> (PromptAnalyzer, problem: String?) {
        do {
            let counter = CLIPPromptCounter(tokenizer: try CLIPTokenizer.locateDefault())
            return (PromptAnalyzer(tokenCounter: counter, chunkCounter: { counter.chunkCounts($0) }), nil)
        } catch {
            return (PromptAnalyzer.withoutTokenizer, "token counts unavailable: \(error)")
        }
    }
}
