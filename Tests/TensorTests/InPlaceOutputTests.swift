import XCTest
@testable import Tensor

/// The in-place forms (GroupNorm over its input, a convolution written over its residual) give
/// exactly the values of the ordinary forms, which the other tests check against definitions.
final class InPlaceOutputTests: XCTestCase {
    func testGroupNormInPlaceEqualsNewTensor() {
        let x = NaiveReference.tensor([2, 4, 3, 5], seed: 7)
        let gamma = NaiveReference.tensor([4], seed: 8), beta = NaiveReference.tensor([4], seed: 9)
        let expected = x.groupNorm(groups: 2, weight: gamma, bias: beta, eps: 1e-5, activation: .silu).values
        let y = x.copy()
        let z = y.groupNorm(groups: 2, weight: gamma, bias: beta, eps: 1e-5, activation: .silu, inPlace: true)
        XCTAssertTrue(z.storage === y.storage)
        XCTAssertEqual(z.values, expected)
    }

    /// fp32 (whole-image band, banded with staging, batch-folded) and bf16 convolutions.
    func testConvolutionIntoResidualEqualsNewTensor() throws {
        var precisions: [Precision] = [.fp32]
        if Precision.bf16Supported { precisions.append(.bf16) }
        for precision in precisions {
            for shape in [[1, 5, 9, 7], [2, 5, 9, 7], [1, 5, 40, 40]] {
                let x = NaiveReference.tensor(shape, seed: 1)
                let w = NaiveReference.tensor([12, 5, 3, 3], seed: 2), b = NaiveReference.tensor([12], seed: 3)
                let weight = GEMMWeight(w, precision: precision, layout: .outputsAsRows)
                let residual = NaiveReference.tensor([shape[0], 12, shape[2], shape[3]], seed: 4)
                let expected = x.conv2d(weight: weight, bias: b, padding: .uniform(1), residual: residual).values
                let target = residual.copy()
                let y = x.conv2d(weight: weight, bias: b, padding: .uniform(1), residual: target, intoResidual: true)
                XCTAssertTrue(y.storage === target.storage)
                XCTAssertEqual(y.values, expected, "\(precision) \(shape)")
            }
        }
        // A small band budget takes the staged path in fp32.
        let x = NaiveReference.tensor([1, 5, 40, 40], seed: 1)
        let w = NaiveReference.tensor([12, 5, 3, 3], seed: 2)
        let residual = NaiveReference.tensor([1, 12, 40, 40], seed: 4)
        let expected = x.conv2d(weight: w, bias: nil, stride: 1, padding: .uniform(1), residual: residual,
                                columnBudget: 45 * 80).values
        let target = residual.copy()
        let y = x.conv2d(weight: w, bias: nil, stride: 1, padding: .uniform(1), residual: target,
                         columnBudget: 45 * 80, output: target)
        XCTAssertEqual(y.values, expected)
    }
}
