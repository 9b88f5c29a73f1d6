import XCTest
@testable import Tensor

final class NormalizationTests: XCTestCase {
    /// GroupNorm with 2 groups over [2, 4, 3, 5] against the definition in Double:
    /// per (item, group) mean and biased variance, then (x − μ)/√(σ² + eps)·γ + β.
    func testGroupNormAgainstDefinition() {
        let x = NaiveReference.tensor([2, 4, 3, 5], seed: 7)
        let gamma = NaiveReference.tensor([4], seed: 8), beta = NaiveReference.tensor([4], seed: 9)
        let eps: Float = 1e-5
        let xv = x.values.map(Double.init)
        var expected = [Double](repeating: 0, count: xv.count)
        for b in 0..<2 { for g in 0..<2 {
            let start = (b * 4 + g * 2) * 15
            let group = xv[start..<start + 30]
            let mean = group.reduce(0, +) / 30
            let variance = group.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 30
            for i in 0..<30 {
                let c = g * 2 + i / 15
                expected[start + i] = (xv[start + i] - mean) / (variance + Double(eps)).squareRoot()
                    * Double(gamma.values[c]) + Double(beta.values[c])
            }
        }}
        let y = x.groupNorm(groups: 2, weight: gamma, bias: beta, eps: eps)
        XCTAssertLessThan(NaiveReference.maxDifference(y.values, expected), 1e-5)
        let fused = x.groupNorm(groups: 2, weight: gamma, bias: beta, eps: eps, activation: .silu)
        let expectedSiLU = expected.map { $0 / (1 + Foundation.exp(-$0)) }
        XCTAssertLessThan(NaiveReference.maxDifference(fused.values, expectedSiLU), 1e-5)
    }

    /// LayerNorm of the row [1, 2, 3, 4]: μ = 2.5, σ² = 1.25, so the normalised row is
    /// [−1.3416408, −0.4472136, 0.4472136, 1.3416408]; with γ = 2 and β = 1 it becomes
    /// 2·that + 1 (by hand, eps 0).
    func testLayerNormByHand() {
        let x = Tensor(shape: [1, 4], values: [1, 2, 3, 4])
        let y = x.layerNorm(weight: Tensor(shape: [4], values: [2, 2, 2, 2]),
                            bias: Tensor(shape: [4], values: [1, 1, 1, 1]), eps: 0)
        let expected: [Float] = [-1.6832816, 0.1055728, 1.8944272, 3.6832816]
        for (a, b) in zip(y.values, expected) { XCTAssertEqual(a, b, accuracy: 1e-6) }
    }

    /// LayerNorm rows wider than one SIMD register, with a tail, against the definition.
    func testLayerNormAgainstDefinition() {
        let width = 37
        let x = NaiveReference.tensor([3, width], seed: 11)
        let gamma = NaiveReference.tensor([width], seed: 12), beta = NaiveReference.tensor([width], seed: 13)
        let y = x.layerNorm(weight: gamma, bias: beta, eps: 1e-5).values
        let xv = x.values.map(Double.init)
        for r in 0..<3 {
            let row = xv[r * width..<(r + 1) * width]
            let mean = row.reduce(0, +) / Double(width)
            let variance = row.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(width)
            for i in 0..<width {
                let want = (xv[r * width + i] - mean) / (variance + 1e-5).squareRoot()
                    * Double(gamma.values[i]) + Double(beta.values[i])
                XCTAssertEqual(Double(y[r * width + i]), want, accuracy: 1e-5)
            }
        }
    }
}
