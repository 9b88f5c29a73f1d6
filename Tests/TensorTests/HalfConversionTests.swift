import CKernels
import Tensor
import XCTest

/// The 16-bit conversions of the half-stored weights (`CKernels/half_convert.c`) against
/// Swift's own `Float16` (IEEE binary16, round to nearest even) and bfloat16's definition (the
/// top half of an fp32): widening every fp16 bit pattern, narrowing floats around every edge
/// (subnormals, ties, overflow), the F16C paths against the scalar ones, and one shared
/// widening buffer however many products use it.
final class HalfConversionTests: XCTestCase {
    func testWideningEveryFP16PatternMatchesSwiftsFloat16() {
        let patterns = (0...0xffff).map { UInt16($0) }
        var vector = [Float](repeating: 0, count: patterns.count), scalar = vector
        // An odd start, so the 16-bit data is not aligned.
        let bytes = [UInt8](repeating: 0, count: 1) + patterns.flatMap { [UInt8($0 & 0xff), UInt8($0 >> 8)] }
        bytes.withUnsafeBytes { raw in
            easel_widen_f16(raw.baseAddress! + 1, &vector, patterns.count)
            easel_widen_f16_scalar(raw.baseAddress! + 1, &scalar, patterns.count)
        }
        for (i, bits) in patterns.enumerated() {
            let expected = Float(Float16(bitPattern: bits))
            if expected.isNaN {
                XCTAssertTrue(vector[i].isNaN && scalar[i].isNaN, "pattern \(bits)")
            } else {
                XCTAssertEqual(vector[i].bitPattern, expected.bitPattern, "vector, pattern \(bits)")
                XCTAssertEqual(scalar[i].bitPattern, expected.bitPattern, "scalar, pattern \(bits)")
            }
        }
    }

    func testNarrowingRoundsToNearestEvenLikeSwiftsFloat16() {
        var values: [Float] = [0, -0, 1, -1, 65504, 65519.99, 65520, 65536, 1e9, -1e9, .infinity, -.infinity,
                               0x1p-14, 0x1p-24, 0x1p-25, 0x1.8p-25, 0x1p-26, 3 * 0x1p-25, 1 + 0x1p-11, 1 + 3 * 0x1p-11]
        var state: UInt64 = 0x9e37_79b9_7f4a_7c15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let bits = UInt32(truncatingIfNeeded: state >> 32)
            let value = Float(bitPattern: bits)
            // Keep to the range that matters (|x| < 2^17), plus the random specials above.
            if value.isFinite && abs(value) < 131_072 { values.append(value) }
        }
        var vector = [UInt16](repeating: 0, count: values.count), scalar = vector
        easel_narrow_f16(values, &vector, values.count)
        easel_narrow_f16_scalar(values, &scalar, values.count)
        for (i, value) in values.enumerated() {
            let expected = Float16(value).bitPattern
            XCTAssertEqual(vector[i], expected, "vector, \(value)")
            XCTAssertEqual(scalar[i], expected, "scalar, \(value)")
        }
        var nan = [UInt16](repeating: 0, count: 1)
        easel_narrow_f16([Float.nan], &nan, 1)
        XCTAssertTrue(Float16(bitPattern: nan[0]).isNaN)
    }

    func testBFloat16IsTheTopHalfRoundedToNearestEven() {
        let values: [Float] = [1, -2.5, 1 + 0x1p-8, 1 + 0x1p-9, 1 + 3 * 0x1p-9, 1 + 3 * 0x1p-8, 3.14159, 65504, .infinity]
        // bfloat16 keeps 8 significant bits (ulp 2^-7 at 1): 1 + 2^-8 is a tie and goes to the
        // even 1, 1 + 2^-9 rounds down, 1 + 3·2^-9 up, 1 + 3·2^-8 (a tie) to the even 1 + 2^-6;
        // π = 1.5707963·2 → 201/128·2; 65504 → 2^16.
        let expected: [Float] = [1, -2.5, 1, 1, 1 + 0x1p-7, 1 + 0x1p-6, 3.140625, 65536, .infinity]
        var halves = [UInt16](repeating: 0, count: values.count)
        easel_narrow_bf16(values, &halves, values.count)
        var widened = [Float](repeating: 0, count: values.count)
        easel_widen_bf16(halves, &widened, values.count)
        XCTAssertEqual(widened, expected)
        XCTAssertEqual(halves.map { Float(bitPattern: UInt32($0) << 16) }, expected)
    }

    func testHalfWeightsWidenToTheRoundedValuesAndShareOneBuffer() {
        let tensor = Tensor(shape: [40, 30], values: (0..<1200).map { Float($0) * 0.0137 - 8 })
        let half = HalfWeights(tensor, format: .float16)
        XCTAssertEqual(half.byteCount, 2400)
        XCTAssertEqual(half.widened().values, tensor.values.map { Float(Float16($0)) })
        let rows = half.viewed(as: [], rows: 10..<12)
        XCTAssertEqual(rows.shape, [2, 30])
        XCTAssertEqual(rows.widened().values, Array(tensor.values[300..<360]).map { Float(Float16($0)) })

        let scratch = HalfWeightScratch.shared
        scratch.release()
        let before = scratch.allocations
        let weight = half.asLayerWeight
        let x = Tensor(shape: [3, 30], values: (0..<90).map { Float($0 % 7) - 3 })
        let exact = x.linear(weight: half.widened())
        for _ in 0..<5 { XCTAssertEqual(x.linear(weight: weight).values, exact.values) }
        XCTAssertEqual(scratch.allocations, before + 1, "one widening buffer for every product")
        XCTAssertGreaterThanOrEqual(scratch.capacity, 1200)
        scratch.release()
        XCTAssertEqual(scratch.capacity, 0)
    }

    func testOverwriteRoundsIntoOwnMemoryAndRestoresExactly() {
        let original = Tensor(shape: [4, 4], values: (0..<16).map { Float(Float16(Float($0) * 0.3)) })
        let half = HalfWeights(original, format: .float16)
        let merged = Tensor(shape: [4, 4], values: original.values.map { $0 + 0.001 })
        half.overwrite(with: merged)
        XCTAssertEqual(half.widened().values, merged.values.map { Float(Float16($0)) })
        half.overwrite(with: original)
        XCTAssertEqual(half.widened().values, original.values)
    }
}
