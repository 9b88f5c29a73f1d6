import Foundation
import Models
import Tensor
import TestSupport
import XCTest

/// The tiny CLIP text encoder against `tiny-sd15-reference/text.safetensors` (transformers
/// 5.24 via A1111's recipe, see the fixture README) for all four manifest prompts.
final class CLIPTextModelTests: XCTestCase {
    struct ManifestPrompt: Decodable {
        let prompt: String
        let ids: [Int]
        let multipliers: [Float]
        let tensors: [String: String]
    }

    struct Manifest: Decodable { let text: [ManifestPrompt] }

    private func manifest() throws -> Manifest {
        try JSONDecoder().decode(Manifest.self, from: Fixtures.data("tiny-sd15-reference/manifest.json"))
    }

    private func model() throws -> CLIPTextModel { try TinyModel.textModel() }

    func testConditioningMatchesReferenceForAllPromptsAndClipSkips() throws {
        let conditioning = A1111Conditioning(textModel: try model())
        let reference = try FixtureTensors("tiny-sd15-reference/text.safetensors")
        for prompt in try manifest().text {
            for skip in [1, 2] {
                let chunk = ConditioningChunk(ids: prompt.ids, multipliers: prompt.multipliers)
                let got = try conditioning.encode([chunk], clipSkip: skip)
                let want = try reference[prompt.tensors["clip_skip_\(skip)"]!]
                XCTAssertEqual(got.shape, [1, 77, 64])
                let error = relativeMaxError(got, want)
                XCTAssertLessThan(error, 1e-4, "\(prompt.prompt) clip skip \(skip): \(error)")
                print("CLIP \(prompt.tensors["clip_skip_\(skip)"]!): relative max error \(error)")
            }
        }
    }

    /// Two chunks encode to [1, 154, C] with each half equal to the single-chunk encoding,
    /// and padding the shorter side repeats the empty prompt's encoding (A1111 `pad_cond`).
    func testChunksConcatenateAndPad() throws {
        let conditioning = A1111Conditioning(textModel: try model())
        let prompt = try manifest().text[1]
        let chunk = ConditioningChunk(ids: prompt.ids, multipliers: prompt.multipliers)
        let one = try conditioning.encode([chunk], clipSkip: 1)
        let two = try conditioning.encode([chunk, .empty()], clipSkip: 1)
        XCTAssertEqual(two.shape, [1, 154, 64])
        let empty = try conditioning.encode([.empty()], clipSkip: 1)
        // Batched GEMMs may round differently from single-chunk ones, hence the tolerance.
        XCTAssertLessThan(relativeMaxError(slice(two, tokens: 0..<77), one), 1e-6)
        XCTAssertLessThan(relativeMaxError(slice(two, tokens: 77..<154), empty), 1e-6)
        let (cond, uncond) = try conditioning.padToSameLength(two, empty, clipSkip: 1)
        XCTAssertEqual(cond.shape, [1, 154, 64])
        XCTAssertEqual(uncond.shape, [1, 154, 64])
        XCTAssertLessThan(relativeMaxError(slice(uncond, tokens: 77..<154), empty), 1e-6)
        XCTAssertLessThan(relativeMaxError(slice(cond, tokens: 0..<154), two), 1e-7)
    }

    private func slice(_ t: Tensor, tokens: Range<Int>) -> Tensor {
        let width = t.shape[2]
        return Tensor(shape: [1, tokens.count, width], values: Array(t.values[tokens.lowerBound * width..<tokens.upperBound * width]))
    }

    func testRejectsBadTokenIds() throws {
        let clip = try model()
        XCTAssertThrowsError(try clip.encode([[49406, 49408]])) { error in
            XCTAssertEqual("\(error)", "token id 49408 is outside the text encoder's vocabulary of 49408")
        }
        XCTAssertThrowsError(try clip.encode([Array(repeating: 1, count: 78)]))
        XCTAssertThrowsError(try clip.encode([]))
    }
}
