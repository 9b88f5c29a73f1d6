import Foundation
import Models
import SafeTensors
import Tensor
import TestSupport
import Tokenizer
import XCTest
@testable import Diffusion

/// SDXL embeddings (`clip_l` + `clip_g` in one file, each inserted into its own encoder). No
/// fixture holds an SDXL embedding for the tiny model, so the expected value comes from the
/// model itself by another path: an embedding whose `clip_l` and `clip_g` are the two
/// encoders' own token-embedding rows for "cat" (read from the fixture file by its stored keys)
/// must condition "a photo of a tinycat" as the plain prompt "a photo of a cat" does (measured:
/// identical; the tolerance allows for a token table kept in bf16, `TokenEmbeddingTable`).
final class SDXLEmbeddingTests: XCTestCase {
    static func pipeline() throws -> StableDiffusionPipeline {
        let checkpoint = try StableDiffusionCheckpoint.load(Fixtures.url("tiny-sdxl.safetensors"))
        let chunker = A1111Chunker(tokenizer: try CLIPTokenizer(directory: Fixtures.url("clip-tokenizer")))
        return try StableDiffusionPipeline(checkpoint: checkpoint, precision: .fp32) { text, embeddings in
            try StableDiffusionPipeline.conditioningChunks(text, embeddings: embeddings, chunker: chunker)
        }
    }

    /// A pair file `name.safetensors` in `folder` with the given tensors.
    static func write(_ tensors: [(String, [Int], [Float])], named name: String, in folder: URL) throws -> URL {
        var writer = SafeTensorsWriter()
        for (key, shape, values) in tensors { writer.add(key, shape: shape, floats: values) }
        let url = folder.appendingPathComponent("\(name).safetensors")
        try writer.write(to: url)
        return url
    }

    func testEachEncoderReadsItsOwnPart() throws {
        let tokenizer = try CLIPTokenizer(directory: Fixtures.url("clip-tokenizer"))
        let cat = tokenizer.encode("cat")
        XCTAssertEqual(cat.count, 1)
        let file = try SafeTensorsFile(url: Fixtures.url("tiny-sdxl.safetensors"))
        func row(_ key: String) throws -> [Float] {
            let table = try file.tensor(key), width = table.shape[1]
            return Array(table.values[(cat[0] * width)..<((cat[0] + 1) * width)])
        }
        let l = try row("conditioner.embedders.0.transformer.text_model.embeddings.token_embedding.weight")
        let g = try row("conditioner.embedders.1.model.token_embedding.weight")
        let folder = try Fixtures.temporaryDirectory()
        let url = try Self.write([("clip_l", [1, 64], l), ("clip_g", [1, 64], g)], named: "tinycat", in: folder)
        let embedding = try TextualInversionEmbedding(contentsOf: url, widths: [64, 64])
        XCTAssertEqual(embedding.vectorSets.count, 2)

        let pipeline = try Self.pipeline()
        let plainCat = try pipeline.promptEncoder.encode("a photo of a cat", clipSkip: 1)
        let withoutEmbedding = try pipeline.promptEncoder.encode("a photo of a tinycat", clipSkip: 1)
        pipeline.promptEncoder.use(embeddings: [embedding], textAdapters: "")
        let withEmbedding = try pipeline.promptEncoder.encode("a photo of a tinycat", clipSkip: 1)
        let error = relativeMaxError(withEmbedding.context, plainCat.context)
        let pooledError = relativeMaxError(withEmbedding.pooled!, plainCat.pooled!)
        XCTAssertLessThanOrEqual(error, 1e-2)
        XCTAssertLessThanOrEqual(pooledError, 1e-2)
        XCTAssertGreaterThan(relativeMaxError(withoutEmbedding.context, plainCat.context), 10 * error)

        // Swapping the parts (clip_g into CLIP-L) changes the conditioning: each part goes to its encoder.
        let swapped = try Self.write([("clip_l", [1, 64], g), ("clip_g", [1, 64], l)], named: "tinycat", in: folder)
        pipeline.promptEncoder.use(embeddings: [try TextualInversionEmbedding(contentsOf: swapped, widths: [64, 64])],
                                   textAdapters: "swapped")
        let wrong = try pipeline.promptEncoder.encode("a photo of a tinycat", clipSkip: 1)
        XCTAssertGreaterThan(relativeMaxError(wrong.context, plainCat.context), 10 * error)
        print("SDXL embedding: context \(error), pooled \(pooledError) relative to the plain word")
    }

    func testWrongWidthsAndLayoutsAreRefusedWithOneLine() throws {
        let folder = try Fixtures.temporaryDirectory()
        let cases: [([(String, [Int], [Float])], [Int], String)] = [
            ([("clip_l", [1, 768], .init(repeating: 0, count: 768)), ("clip_g", [1, 64], .init(repeating: 0, count: 64))],
             [64, 64], "clip_l width 768 does not match text encoder 1's 64"),
            ([("clip_l", [1, 64], .init(repeating: 0, count: 64)), ("clip_g", [1, 1280], .init(repeating: 0, count: 1280))],
             [64, 64], "clip_g width 1280 does not match text encoder 2's 64"),
            ([("clip_l", [2, 64], .init(repeating: 0, count: 128)), ("clip_g", [1, 64], .init(repeating: 0, count: 64))],
             [64, 64], "clip_l has 2 vectors and clip_g 1"),
            ([("emb_params", [1, 64], .init(repeating: 0, count: 64))],
             [64, 64], "one tensor of width 64; an SDXL model needs clip_l [N, 64] and clip_g [N, 64]"),
            ([("clip_l", [1, 64], .init(repeating: 0, count: 64)), ("clip_g", [1, 64], .init(repeating: 0, count: 64))],
             [64], "an SDXL embedding (clip_l + clip_g); this model has one text encoder"),
        ]
        for (index, (tensors, widths, text)) in cases.enumerated() {
            let url = try Self.write(tensors, named: "bad\(index)", in: folder)
            XCTAssertThrowsError(try TextualInversionEmbedding(contentsOf: url, widths: widths)) {
                let message = String(describing: $0)
                XCTAssertTrue(message.contains("bad\(index).safetensors") && message.contains(text), message)
                XCTAssertFalse(message.contains("\n"), message)
            }
        }
    }

    private func relativeMaxError(_ got: Tensor, _ want: Tensor) -> Float {
        var diff: Float = 0
        for i in 0..<got.count { diff = max(diff, abs(got.pointer[i] - want.pointer[i])) }
        return diff / want.maxMagnitude
    }
}
