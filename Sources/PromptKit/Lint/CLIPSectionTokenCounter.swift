import PromptSyntax
import Tokenizer

/// CLIP token counts per BREAK-separated section, read the way A1111 reads a prompt:
/// extra-network tags (`<lora:…>`) removed (`extra_networks.parse_prompt`), prompt editing
/// resolved into its per-step variants (`get_learned_conditioning_prompt_schedules`, at
/// `steps` steps), emphasis parsed (`parse_prompt_attention`), and each section tokenized
/// and chunked by the Tokenizer's `A1111Chunker`. A section counts as its longest variant.
/// A word naming a textual-inversion embedding counts as its N vectors, as A1111's counter
/// shows it (`sd_hijack_clip.py` `tokenize_line`: the embedding's vectors take N slots).
public struct CLIPSectionTokenCounter: SectionTokenCounting {
    public let chunker: A1111Chunker
    /// Step count used to resolve prompt editing such as `[a:b:0.5]`.
    public let steps: Int
    public let embeddings: EmbeddingVocabulary

    public init(tokenizer: CLIPTokenizer, steps: Int = 20, embeddings: EmbeddingVocabulary = .empty) {
        chunker = A1111Chunker(tokenizer: tokenizer)
        self.steps = steps
        self.embeddings = embeddings
    }

    public func sectionTokenCounts(_ prompt: String) throws -> [Int] {
        sections(prompt).map(\.tokens)
    }

    public func sectionChunkSizes(_ prompt: String) -> [[Int]]? {
        sections(prompt).map(\.chunks)
    }

    /// For each section: its token count and A1111's chunk sizes.
    public func sections(_ prompt: String) -> [(tokens: Int, chunks: [Int])] {
        let text = ExtraNetworkTag.extract(from: prompt).text
        let variants = (try? PromptSchedule(text).entries(steps: steps).map(\.text)) ?? [text]
        var longest: [(tokens: Int, chunks: [Int])] = []
        for variant in Set(variants).sorted() {
            for (index, spans) in splitAtBreaks(parsePromptAttention(variant)).enumerated() {
                let chunks = chunker.chunk(spans: spans, embeddings: embeddings).chunks.map(\.tokenCount)
                let tokens = chunks.reduce(0, +)
                let section = (tokens: tokens, chunks: chunks)
                if index == longest.count {
                    longest.append(section)
                } else if tokens > longest[index].tokens {
                    longest[index] = section
                }
            }
        }
        return longest
    }

    private func splitAtBreaks(_ spans: [WeightedSpan]) -> [[WeightedSpan]] {
        var result: [[WeightedSpan]] = [[]]
        for span in spans {
            if span.isBreak { result.append([]) } else { result[result.count - 1].append(span) }
        }
        return result
    }
}
