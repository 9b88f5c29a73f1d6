import SafeTensors
import XCTest

/// The fp16 kernel against Swift's own scalar `Float16 → Float` conversion (IEEE 754
/// binary16 → binary32 is exact), for every one of the 65 536 bit patterns.
final class HalfPrecisionTests: XCTestCase {
    func testEveryFloat16BitPatternWidensExactly() {
        let patterns = (0...0xFFFF).map { UInt16($0) }
        var output = [Float](repeating: 0, count: patterns.count)
        patterns.withUnsafeBytes { source in
            output.withUnsafeMutableBufferPointer {
                HalfPrecision.widenFloat16(source.baseAddress!, into: $0.baseAddress!, count: patterns.count)
            }
        }
        var mismatches = 0
        for (pattern, value) in zip(patterns, output) {
            let expected = Float(Float16(bitPattern: pattern))
            if expected.isNaN ? !value.isNaN : expected.bitPattern != value.bitPattern { mismatches += 1 }
        }
        XCTAssertEqual(mismatches, 0)
    }

    /// Counts that are not multiples of 16, read from odd byte offsets.
    func testTailsAndUnalignedSources() {
        let values: [Float] = (0..<41).map { Float($0) * 0.25 - 3 }  // all exact in fp16 and bf16
        let halves = values.map { Float16($0).bitPattern }
        let bfloats = values.map { UInt16($0.bitPattern >> 16) }
        for count in [1, 15, 16, 17, 33, 40] {
            XCTAssertEqual(widen(halves, count: count, HalfPrecision.widenFloat16), Array(values.prefix(count)))
            XCTAssertEqual(widen(bfloats, count: count, HalfPrecision.widenBFloat16), Array(values.prefix(count)))
        }
    }

    func testBFloat16KnownValues() {
        // bfloat16 is the top 16 bits of binary32: 0x3F80 = 1, 0xC2F7 = −123.5, 0x7F80 = +∞.
        XCTAssertEqual(widen([0x3F80, 0xC2F7, 0x7F80, 0x0000, 0x8000], count: 5, HalfPrecision.widenBFloat16),
                       [1, -123.5, .infinity, 0, -0.0])
    }

    private func widen(_ bits: [UInt16], count: Int,
                       _ kernel: (UnsafeRawPointer, UnsafeMutablePointer<Float>, Int) -> Void) -> [Float] {
        var bytes: [UInt8] = [0xAA]  // one leading byte makes every 16-bit value unaligned
        for value in bits { bytes += [UInt8(value & 0xFF), UInt8(value >> 8)] }
        var output = [Float](repeating: .nan, count: count)
        bytes.withUnsafeBytes { source in
            output.withUnsafeMutableBufferPointer { kernel(source.baseAddress! + 1, $0.baseAddress!, count) }
        }
        return output
    }
}
