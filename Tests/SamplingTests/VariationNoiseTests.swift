import Foundation
import TestSupport
import XCTest
@testable import Sampling

/// `VariationNoise` against torch: `Fixtures/variation-noise.json` is written by
/// `tools/variation-seeds/make_variation_fixture.py` with torch's CPU generator and A1111's
/// `modules/rng.py` recipe (`ImageRNG.first`/`.next`, `slerp`), so every expected value here is
/// torch's, not Easel's.
final class VariationNoiseTests: XCTestCase {
    struct Case: Decodable {
        var seed: UInt64
        var subseed: UInt64
        var strength: Float
        var shape: [Int]
        var resizeFrom: [Int]?
        var first: [Float]
        var second: [Float]
    }

    struct Fixture: Decodable { var cases: [Case] }

    static let fixture: Fixture = {
        let url = Fixtures.repoRoot.appendingPathComponent("Tests/SamplingTests/Fixtures/variation-noise.json")
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    static func shape(_ s: [Int]) -> NoiseShape { NoiseShape(channels: s[0], height: s[1], width: s[2]) }

    /// Every case: the first draw matches torch's mixed noise within float32 rounding (torch
    /// computes the slerp in float32, Easel in double), and the second draw — the ancestral
    /// noise — continues the main seed's generator exactly.
    func testFirstAndSecondDrawsMatchTorch() {
        XCTAssertEqual(Self.fixture.cases.count, 8)
        for c in Self.fixture.cases {
            let shape = Self.shape(c.shape)
            var noise = VariationNoise(seed: c.seed, variationSeed: c.subseed, strength: c.strength, shape: shape,
                                       resizeFrom: c.resizeFrom.map(Self.shape)) { TorchCPUGenerator(seed: $0) }
            let first = noise.randn(shape.count)
            let second = noise.randn(shape.count)
            let label = "seed \(c.seed) subseed \(c.subseed) strength \(c.strength) resize \(c.resizeFrom ?? [])"
            XCTAssertEqual(first.count, c.first.count, label)
            let worst = zip(first, c.first).map { abs($0 - $1) }.max() ?? .infinity
            XCTAssertLessThan(worst, 2e-5, label)
            XCTAssertEqual(second, c.second, label)
        }
    }

    /// Strength 0 is the plain seed's stream, bit for bit; strength 1 is the variation seed's
    /// first draw (within rounding), followed by the main seed's second draw.
    func testStrengthEndsAreTheTwoSeeds() {
        let shape = NoiseShape(channels: 4, height: 6, width: 5)
        var plain = TorchCPUGenerator(seed: 42)
        var zero = VariationNoise(seed: 42, variationSeed: 7, strength: 0, shape: shape, resizeFrom: nil) { TorchCPUGenerator(seed: $0) }
        XCTAssertEqual(zero.randn(shape.count), plain.randn(shape.count))
        XCTAssertEqual(zero.randn(shape.count), plain.randn(shape.count))
        var sub = TorchCPUGenerator(seed: 7)
        var one = VariationNoise(seed: 42, variationSeed: 7, strength: 1, shape: shape, resizeFrom: nil) { TorchCPUGenerator(seed: $0) }
        let mixed = one.randn(shape.count)
        XCTAssertLessThan(zip(mixed, sub.randn(shape.count)).map { abs($0 - $1) }.max()!, 1e-5)
        var main = TorchCPUGenerator(seed: 42)
        _ = main.randn(shape.count)
        XCTAssertEqual(one.randn(shape.count), main.randn(shape.count))
    }

    /// A draw of another size passes straight to the main stream (nothing is mixed).
    func testOtherSizedFirstDrawIsThePlainStream() {
        let shape = NoiseShape(channels: 4, height: 6, width: 5)
        var plain = TorchCPUGenerator(seed: 9)
        var noise = VariationNoise(seed: 9, variationSeed: 1, strength: 0.5, shape: shape, resizeFrom: nil) { TorchCPUGenerator(seed: $0) }
        XCTAssertEqual(noise.randn(10), plain.randn(10))
    }
}
