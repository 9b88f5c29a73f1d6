import Foundation
import TestSupport
import XCTest
@testable import Sampling

/// `TorchCPUGenerator` against `../shared/fixtures/randn.{json,safetensors}`, which torch 2.15
/// produced with `g = torch.Generator().manual_seed(seed)`, then `torch.randn(shape,
/// generator=g)` twice (the second draw continues the stream).
final class TorchCPUGeneratorTests: XCTestCase {
    private struct Case: Decodable { let seed: UInt64; let shape: [Int]; let first: String; let second: String }
    private struct Manifest: Decodable { let cases: [Case] }

    func testRandnMatchesTorchBitForBitIncludingTheContinuedStream() throws {
        let manifest = try JSONDecoder().decode(Manifest.self, from: Fixtures.data("randn.json"))
        let tensors = try FixtureTensors("randn.safetensors")
        XCTAssertGreaterThanOrEqual(manifest.cases.count, 48)
        for item in manifest.cases {
            let count = item.shape.reduce(1, *)
            var generator = TorchCPUGenerator(seed: item.seed)
            for (label, name) in [("first", item.first), ("second", item.second)] {
                let expected = try tensors.values(name)
                let got = generator.randn(count)
                XCTAssertEqual(got.count, expected.count, name)
                let mismatches = zip(got, expected).filter { $0.bitPattern != $1.bitPattern }.count
                XCTAssertEqual(mismatches, 0, "seed \(item.seed) shape \(item.shape) \(label): \(mismatches) of \(count) differ")
            }
        }
    }

    /// torch keeps only the low 32 bits of the seed (`at::mt19937::init_with_uint32`), so
    /// 2^63 + 7 and 7 give the same stream.
    func testSeedIsTruncatedToItsLow32Bits() {
        var big = TorchCPUGenerator(seed: (1 << 63) + 7)
        var small = TorchCPUGenerator(seed: 7)
        XCTAssertEqual(big.randn(100), small.randn(100))
        XCTAssertEqual(big.seed, (1 << 63) + 7)
    }

    /// The reference MT19937 (mt19937ar.c, `init_genrand(5489)`) starts 3499211612, 581869302,
    /// 3890346734 — the same numbers C++'s default-seeded `std::mt19937` gives.
    func testMersenneTwisterMatchesTheReferenceSequence() {
        var generator = TorchCPUGenerator(seed: 5489)
        XCTAssertEqual((0..<3).map { _ in generator.nextUInt32() }, [3_499_211_612, 581_869_302, 3_890_346_734])
    }

    func testZeroCountDrawsNothing() {
        var a = TorchCPUGenerator(seed: 1)
        var b = TorchCPUGenerator(seed: 1)
        XCTAssertEqual(a.randn(0), [])
        XCTAssertEqual(a.randn(20), b.randn(20))
    }
}

/// `BatchNoise`: each image's slice of a batched draw is its own generator's stream.
final class BatchNoiseTests: XCTestCase {
    func testEachImageGetsItsOwnSeedsStream() {
        var batch = BatchNoise(seed: 41, count: 3)
        var singles = (41...43).map { TorchCPUGenerator(seed: UInt64($0)) }
        // 3 × 5 exercises torch's < 16 path per image, 3 × 256 the normal_fill path; the second
        // pair of draws checks that every stream continues.
        for share in [5, 256, 5, 256] {
            let drawn = batch.randn(3 * share)
            let expected = singles.indices.flatMap { singles[$0].randn(share) }
            XCTAssertEqual(drawn, expected, "share \(share)")
        }
    }

    func testUnevenDrawReturnsNothingAndSamplersReportIt() {
        var noise: any NoiseSource = BatchNoise(seed: 1, count: 2)
        XCTAssertEqual(noise.randn(3), [])
        XCTAssertThrowsError(try sampleEulerAncestral({ x, _ in x }, x: [1, 2, 3], sigmas: [2, 1, 0], noise: &noise)) {
            XCTAssertEqual("\($0)", "noise source returned 0 samples where 3 were asked for")
        }
    }
}
