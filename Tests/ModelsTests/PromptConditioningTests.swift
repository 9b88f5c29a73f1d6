import Foundation
import Models
import Tensor
import TestSupport
import Tokenizer
import XCTest

/// From the manifest's parsed prompt to the cross-attention context, through the CLIP
/// tokenizer and A1111 chunker (Tokenizer module) and the conditioning (Models): token ids
/// and multipliers equal the manifest's, and the context equals
/// `tiny-sd15-reference/text.safetensors` within 1e-4 of its largest value.
final class PromptConditioningTests: XCTestCase {
    struct ManifestPrompt: Decodable {
        let prompt: String
        let ids: [Int]
        let multipliers: [Double]
        let parse: [[ParseItem]]
        let tensors: [String: String]
    }

    /// One element of a `parse` pair: the fragment text or its weight.
    enum ParseItem: Decodable {
        case text(String), weight(Double)

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { self = .text(s) } else { self = .weight(try c.decode(Double.self)) }
        }
    }

    struct Manifest: Decodable { let text: [ManifestPrompt] }

    func testManifestPromptsThroughTokenizerChunkerAndTextEncoder() throws {
        let manifest = try JSONDecoder().decode(Manifest.self, from: Fixtures.data("tiny-sd15-reference/manifest.json"))
        let chunker = A1111Chunker(tokenizer: try CLIPTokenizer(directory: Fixtures.url("clip-tokenizer")))
        let conditioning = A1111Conditioning(textModel: try TinyModel.textModel())
        let reference = try FixtureTensors("tiny-sd15-reference/text.safetensors")
        for prompt in manifest.text {
            let spans = prompt.parse.compactMap { pair -> (text: String, weight: Double)? in
                guard pair.count == 2, case let .text(text) = pair[0], case let .weight(weight) = pair[1] else { return nil }
                return (text, weight)
            }
            XCTAssertEqual(spans.count, prompt.parse.count, "manifest parse entries are [text, weight] pairs")
            let chunks = chunker.chunks(spans)
            XCTAssertEqual(chunks.count, 1, prompt.prompt)
            XCTAssertEqual(chunker.paddedIDs(chunks[0]), prompt.ids, prompt.prompt)
            XCTAssertEqual(chunker.paddedMultipliers(chunks[0]), prompt.multipliers, prompt.prompt)
            let chunk = ConditioningChunk(ids: chunker.paddedIDs(chunks[0]),
                                          multipliers: chunker.paddedMultipliers(chunks[0]).map { Float($0) })
            for skip in [1, 2] {
                let got = try conditioning.encode([chunk], clipSkip: skip)
                let want = try reference[prompt.tensors["clip_skip_\(skip)"]!]
                XCTAssertLessThan(relativeMaxError(got, want), 1e-4, "\(prompt.prompt), clip skip \(skip)")
            }
        }
    }
}
