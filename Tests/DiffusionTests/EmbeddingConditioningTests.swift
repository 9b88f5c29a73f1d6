import Foundation
import Models
import SafeTensors
import Tensor
import TestSupport
import Tokenizer
import XCTest
@testable import Diffusion

/// Conditioning with textual-inversion embeddings against `tiny-sd15-adapters/text-embeddings.safetensors`
/// (A1111 `sd_hijack_clip.py` semantics run with transformers' CLIP; fixture README): the
/// chunks' ids (embedding slots as 0), multipliers and slot offsets equal the manifest's, and
/// the context matches within 1e-4 relative, the tolerance of `text.safetensors`.
final class EmbeddingConditioningTests: XCTestCase {
    func testManifestCasesMatchIdsSlotsAndContext() throws {
        let manifest = try JSONSerialization.jsonObject(with: try Fixtures.data("tiny-sd15-adapters/manifest.json")) as! [String: Any]
        let expected = try SafeTensorsFile(url: Fixtures.url("tiny-sd15-adapters/text-embeddings.safetensors"))
        let checkpoint = try StableDiffusionCheckpoint.load(Fixtures.url("tiny-sd15.safetensors"))
        let conditioning = A1111Conditioning(textModel: try CLIPTextModel(weights: checkpoint.text, config: checkpoint.textConfig))
        let chunker = A1111Chunker(tokenizer: try CLIPTokenizer(directory: Fixtures.url("clip-tokenizer")))
        let folder = Fixtures.url("tiny-sd15-adapters/embeddings")
        let embeddings = try ["easynegative.safetensors", "tiny-concept.safetensors", "old-style.pt"].map {
            try TextualInversionEmbedding(contentsOf: folder.appendingPathComponent($0), width: 64)
        }
        XCTAssertEqual(embeddings.map(\.count), [3, 1, 2])
        for case let text as [String: Any] in manifest["text"] as! [Any] {
            let prompt = text["prompt"] as! String
            let chunks = try StableDiffusionPipeline.conditioningChunks(prompt, embeddings: embeddings, chunker: chunker)
            let want = text["chunks"] as! [[String: Any]]
            XCTAssertEqual(chunks.map(\.ids), want.map { $0["ids"] as! [Int] }, prompt)
            XCTAssertEqual(chunks.map(\.multipliers), want.map { ($0["multipliers"] as! [NSNumber]).map(\.floatValue) }, prompt)
            XCTAssertEqual(chunks.map { $0.embeddings.map { $0.position - 1 } },
                           want.map { ($0["embeddings"] as! [[String: Any]]).map { $0["offset"] as! Int } }, prompt)
            let got = try conditioning.encode(chunks, clipSkip: text["clip_skip"] as! Int)
            let reference = try expected.tensor(text["tensor"] as! String)
            XCTAssertEqual(got.count, reference.count, prompt)
            XCTAssertLessThan(relativeError(got, reference), 1e-4, prompt)
        }
    }

    /// The encoder cache keys by the embeddings in use: a word that is an embedding's name
    /// encodes differently once the embedding is there, and again from the cache after.
    func testCacheKeysByEmbeddings() throws {
        let checkpoint = try StableDiffusionCheckpoint.load(Fixtures.url("tiny-sd15.safetensors"))
        let chunker = A1111Chunker(tokenizer: try CLIPTokenizer(directory: Fixtures.url("clip-tokenizer")))
        let pipeline = try StableDiffusionPipeline(checkpoint: checkpoint, precision: .fp32) { text, embeddings in
            try StableDiffusionPipeline.conditioningChunks(text, embeddings: embeddings, chunker: chunker)
        }
        let embedding = try TextualInversionEmbedding(
            contentsOf: Fixtures.url("tiny-sd15-adapters/embeddings/easynegative.safetensors"), width: 64)
        let plain = try pipeline.promptEncoder.encode("easynegative", clipSkip: 1)
        pipeline.promptEncoder.use(embeddings: [embedding], textAdapters: "")
        let with = try pipeline.promptEncoder.encode("easynegative", clipSkip: 1)
        XCTAssertNotEqual(plain.context.values, with.context.values)
        _ = try pipeline.promptEncoder.encode("easynegative", clipSkip: 1)
        XCTAssertEqual(pipeline.promptEncoder.encoderRuns, 2)
    }

    private func relativeError(_ got: Tensor, _ want: Tensor) -> Float {
        var diff: Float = 0
        for i in 0..<got.count { diff = max(diff, abs(got.pointer[i] - want.pointer[i])) }
        return diff / want.maxMagnitude
    }
}
