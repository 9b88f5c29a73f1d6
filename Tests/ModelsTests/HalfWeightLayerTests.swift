import Foundation
import Models
import SafeTensors
import Tensor
import TestSupport
import XCTest

/// Half-stored weights (`Precision.fp32HalfWeights`) at the layer level, on the fixture's own
/// weights: a linear layer and a 3×3 convolution whose weights stay in `tiny-sd15-fp16`'s fp16
/// bytes give, after widening, what the fp32 path gives on the same values (the fp32 file
/// holds exactly the fp16 values, fixtures README) — checked against a product written out in
/// Double here from the fp32 file's tensors — and the networks built in this precision keep
/// every layer weight half-stored and answer as the fp32 ones do (bigG's q/k/v as row thirds
/// of its fused 16-bit `in_proj_weight`). Chosen explicitly, so the path runs on any CPU.
final class HalfWeightLayerTests: XCTestCase {
    private let linearKey = "input_blocks.1.1.transformer_blocks.0.ff.net.0.proj"   // [256, 32]
    private let convKey = "input_blocks.1.0.in_layers.2"                              // [32, 32, 3, 3]

    private func inputs(_ count: Int, seed: UInt64) -> [Float] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int(state >> 40) % 2001 - 1000) / 500
        }
    }

    private func assertClose(_ got: Tensor, _ expected: [Double], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(got.count, expected.count, file: file, line: line)
        let scale = expected.map(abs).max() ?? 1
        let worst = zip(got.values, expected).map { abs(Double($0) - $1) }.max() ?? 0
        XCTAssertLessThanOrEqual(worst / scale, 1e-5, "largest difference \(worst) of \(scale)", file: file, line: line)
    }

    func testHalfStoredLinearEqualsTheFP32Path() throws {
        let half = try XCTUnwrap(try TinyModel.checkpoint(.singleFileFP16).unet.halfWeights(linearKey + ".weight"))
        XCTAssertEqual(half.format, .float16)
        XCTAssertEqual(half.shape, [256, 32])
        let fp32 = try TinyModel.checkpoint(.singleFile).unet
        let w = try fp32.tensor(linearKey + ".weight"), b = try fp32.tensor(linearKey + ".bias")
        let x = Tensor(shape: [2, 5, 32], values: inputs(320, seed: 1))
        let got = x.linear(weight: half.asLayerWeight, bias: b)
        XCTAssertEqual(got.shape, [2, 5, 256])
        let (input, weight, bias) = (x.values, w.values, b.values)
        var expected = [Double](repeating: 0, count: 10 * 256)
        for r in 0..<10 {
            for o in 0..<256 {
                var sum = Double(bias[o])
                for i in 0..<32 { sum += Double(input[r * 32 + i]) * Double(weight[o * 32 + i]) }
                expected[r * 256 + o] = sum
            }
        }
        assertClose(got, expected)
        XCTAssertEqual(got.values, x.linear(weight: .fp32(w), bias: b).values, "the same SGEMM on the same values")
    }

    func testHalfStoredConvolutionEqualsTheFP32Path() throws {
        let half = try XCTUnwrap(try TinyModel.checkpoint(.singleFileFP16).unet.halfWeights(convKey + ".weight"))
        let fp32 = try TinyModel.checkpoint(.singleFile).unet
        let w = try fp32.tensor(convKey + ".weight"), b = try fp32.tensor(convKey + ".bias")
        XCTAssertEqual(half.widened().values, w.values, "the fp32 file holds the fp16 file's values")
        for size in [9, 40] {                      // im2col, and large enough for Winograd
            let x = Tensor(shape: [1, 32, size, size], values: inputs(32 * size * size, seed: UInt64(size)))
            let got = x.conv2d(weight: half.asLayerWeight, bias: b, padding: .uniform(1))
            let (input, kernel, bias) = (x.values, w.values, b.values)
            var expected = [Double](repeating: 0, count: 32 * size * size)
            for o in 0..<32 {
                for y in 0..<size {
                    for xx in 0..<size {
                        var sum = Double(bias[o])
                        for c in 0..<32 {
                            for ky in 0..<3 {
                                let iy = y + ky - 1
                                guard iy >= 0, iy < size else { continue }
                                for kx in 0..<3 {
                                    let ix = xx + kx - 1
                                    guard ix >= 0, ix < size else { continue }
                                    sum += Double(input[(c * size + iy) * size + ix])
                                        * Double(kernel[((o * 32 + c) * 3 + ky) * 3 + kx])
                                }
                            }
                        }
                        expected[(o * size + y) * size + xx] = sum
                    }
                }
            }
            assertClose(got, expected)
            XCTAssertEqual(got.values, x.conv2d(weight: .fp32(w), bias: b, padding: .uniform(1)).values, "size \(size)")
        }
    }

    func testNetworksKeepHalfWeightsAndAnswerAsInFP32() throws {
        let checkpoint = try FixtureModel.checkpoint(TinySDXL.Form.singleFileFP16.rawValue)
        let config = checkpoint.architecture.textEncoders[1]
        let half = try CLIPTextModel(weights: checkpoint.textWeights(1), config: config, precision: .fp32HalfWeights)
        let fp32 = try CLIPTextModel(weights: checkpoint.textWeights(1), config: config, precision: .fp32)
        XCTAssertEqual(half.precision, .fp32HalfWeights)
        let q = try XCTUnwrap(half.patchableWeights["encoder.layers.0.self_attn.q_proj.weight"]?.weight)
        guard case let .half(weights) = q else { return XCTFail("bigG's q is not half-stored") }
        XCTAssertEqual(weights.byteCount * 2, fp32.patchableWeights["encoder.layers.0.self_attn.q_proj.weight"]!.weight.byteCount)
        let ids = [[49406, 320, 1125, 539, 320, 2368] + Array(repeating: 0, count: 71)]
        XCTAssertEqual(try half.encode(ids).values, try fp32.encode(ids).values)
        half.releaseWeightPages()                 // pages dropped; the next run reads them again
        XCTAssertEqual(try half.encode(ids, clipSkip: 2).values, try fp32.encode(ids, clipSkip: 2).values)
    }
}
