import Models
import Tensor
import TestSupport
import XCTest

/// SDXL conditioning against `tiny-sdxl-reference/text.safetensors` (A1111's semantics, made
/// with transformers and torch; fixtures README "Semantics, step by step"): each encoder's
/// emphasised penultimate hidden state, the joined context, the pooled vector and `y` for a
/// 64×64 image, within 1e-4 relative, from every form of the model.
final class SDXLConditioningParityTests: XCTestCase {
    static let tolerance: Float = 1e-4

    /// bigG reads CLIP-L's chunks with every id after the first EOS set to 0 (A1111
    /// `process_tokens`, `id_pad = 0`): the manifest's `ids_clip_g` follow from `ids_clip_l`.
    func testBigGIdsFollowFromTheCLIPLIds() throws {
        for prompt in try TinySDXL.prompts() {
            XCTAssertEqual(prompt.ids_clip_l.map(SDXLConditioner.bigGIDs), prompt.ids_clip_g, prompt.prompt)
        }
    }

    func testConditioningMatchesTheReferenceFromEveryForm() throws {
        let reference = try FixtureTensors("tiny-sdxl-reference/text.safetensors")
        for form in TinySDXL.Form.allCases {
            let conditioner = try TinySDXL.conditioner(form)
            for prompt in try TinySDXL.prompts() {
                let label = "\(form) \(prompt.prompt.prefix(30))"
                let got = try conditioner.encode(prompt.conditioningChunks, clipSkip: 1)
                let sized = conditioner.sized(got, width: 64, height: 64)
                let context = try reference[prompt.tensors["context"]!]
                XCTAssertEqual(got.context.shape, [1] + context.shape, label)
                assertClose(got.context, context, "\(label) context")
                assertClose(try XCTUnwrap(got.pooled), try reference[prompt.tensors["pooled"]!], "\(label) pooled")
                assertClose(try XCTUnwrap(sized.vector), try reference[prompt.tensors["y_64x64"]!], "\(label) y")
                // Each encoder's half of the context is its own reference.
                let width = 64
                for (name, offset) in [("clip_l", 0), ("clip_g", width)] {
                    let part = try reference[prompt.tensors[name]!]
                    let half = Tensor(shape: part.shape, values: (0..<part.shape[0]).flatMap { t in
                        (0..<width).map { got.context.pointer[t * 2 * width + offset + $0] }
                    })
                    assertClose(half, part, "\(label) \(name)")
                }
            }
        }
    }

    /// A1111's default ignores clip skip 1 and 2 for SDXL: both give the penultimate layer.
    func testClipSkipOneAndTwoAreTheSame() throws {
        let conditioner = try TinySDXL.conditioner()
        let chunks = try TinySDXL.prompts()[1].conditioningChunks
        XCTAssertEqual(try conditioner.encode(chunks, clipSkip: 1).context.values,
                       try conditioner.encode(chunks, clipSkip: 2).context.values)
        XCTAssertNotEqual(try conditioner.encode(chunks, clipSkip: 3).context.values,
                          try conditioner.encode(chunks, clipSkip: 2).context.values)
    }

    /// An empty negative prompt is zeros in context and pooled, and its `y` keeps the size part
    /// (`p2_as_negative_y_64x64`).
    func testEmptyNegativeIsZerosWithTheSizePart() throws {
        let reference = try FixtureTensors("tiny-sdxl-reference/text.safetensors")
        let conditioner = try TinySDXL.conditioner()
        let zero = try XCTUnwrap(try conditioner.emptyNegative(clipSkip: 1))
        XCTAssertEqual(zero.context.shape, [1, 77, 128])
        XCTAssertTrue(zero.context.values.allSatisfy { $0 == 0 })
        let y = try XCTUnwrap(conditioner.sized(zero, width: 64, height: 64).vector)
        assertClose(y, try reference["p2_as_negative_y_64x64"], "empty negative y")
    }

    private func assertClose(_ got: Tensor, _ want: Tensor, _ label: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(got.count, want.count, label, file: file, line: line)
        guard got.count == want.count else { return }
        let error = relativeMaxError(got, want)
        XCTAssertLessThan(error, Self.tolerance, label, file: file, line: line)
        if ProcessInfo.processInfo.environment["EASEL_PRINT_PARITY"] != nil { print("parity \(label): \(error)") }
    }
}
