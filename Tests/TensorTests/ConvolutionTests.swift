import XCTest
@testable import Tensor

final class ConvolutionTests: XCTestCase {
    /// A 3×3 input 1…9 with an all-ones 3×3 kernel and padding 1 gives the sum of each 3×3
    /// neighbourhood: corner (0,0) = 1+2+4+5 = 12, centre = 45, (2,2) = 5+6+8+9 = 28 (by hand).
    func testBoxFilterByHand() {
        let x = Tensor(shape: [1, 1, 3, 3], values: (1...9).map(Float.init))
        let w = Tensor(shape: [1, 1, 3, 3], values: Array(repeating: 1, count: 9))
        let y = x.conv2d(weight: w, bias: nil, padding: .uniform(1))
        XCTAssertEqual(y.shape, [1, 1, 3, 3])
        XCTAssertEqual(y.values, [12, 21, 16, 27, 45, 33, 24, 39, 28])
    }

    /// Stride 2 without padding on a 4×4 ramp 0…15 with a kernel picking the top-left tap:
    /// outputs are inputs (0,0), (0,2), (2,0), (2,2) = 0, 2, 8, 10, plus bias 1 (by hand).
    func testStrideTwoByHand() {
        let x = Tensor(shape: [1, 1, 4, 4], values: (0..<16).map(Float.init))
        let w = Tensor(shape: [1, 1, 3, 3], values: [1, 0, 0, 0, 0, 0, 0, 0, 0])
        let y = x.conv2d(weight: w, bias: Tensor(shape: [1], values: [1]), stride: 2,
                         padding: Padding2D(top: 0, left: 0, bottom: 1, right: 1))
        XCTAssertEqual(y.shape, [1, 1, 2, 2])
        XCTAssertEqual(y.values, [1, 3, 9, 11])
    }

    /// Random tensors against the naive definition: 3×3 pad 1, 3×3 stride 2 with LDM's
    /// asymmetric encoder padding, and 1×1. A batch of 2 at this size takes the batch-folded
    /// path; each item alone takes the banded path, with one band or one row per band.
    func testAgainstNaiveReference() {
        let cases: [(kernel: Int, stride: Int, padding: Padding2D)] = [
            (3, 1, .uniform(1)),
            (3, 2, .uniform(1)),
            (3, 2, Padding2D(top: 0, left: 0, bottom: 1, right: 1)),
            (1, 1, .uniform(0)),
        ]
        for (index, c) in cases.enumerated() {
            let x = NaiveReference.tensor([2, 5, 9, 7], seed: UInt64(index))
            let w = NaiveReference.tensor([6, 5, c.kernel, c.kernel], seed: UInt64(index + 10))
            let b = NaiveReference.tensor([6], seed: UInt64(index + 20))
            let expected = NaiveReference.conv2d(x, w, b, stride: c.stride, padding: c.padding)
            let folded = x.conv2d(weight: w, bias: b, stride: c.stride, padding: c.padding)
            XCTAssertEqual(folded.count, expected.count)
            XCTAssertLessThan(NaiveReference.maxDifference(folded.values, expected), 1e-5, "case \(c), folded")
            let half = x.count / 2, outHalf = expected.count / 2
            for item in 0..<2 {
                let single = Tensor(shape: [1, 5, 9, 7], values: Array(x.values[item * half..<(item + 1) * half]))
                for budget in [Conv2D.columnBudget, 8] {
                    let y = single.conv2d(weight: w, bias: b, stride: c.stride, padding: c.padding, residual: nil,
                                          columnBudget: budget)
                    let want = Array(expected[item * outHalf..<(item + 1) * outHalf])
                    XCTAssertLessThan(NaiveReference.maxDifference(y.values, want), 1e-5, "case \(c), budget \(budget)")
                }
            }
        }
    }

    /// The residual is added after the convolution and bias on every path (batch 1: one band
    /// or staged bands of one row, batch 2: folded), and a [B, Cout] bias gives each item its
    /// own bias row.
    func testResidualAndPerItemBias() {
        for (batch, budget) in [(1, Conv2D.columnBudget), (1, 4), (2, Conv2D.columnBudget)] {
            let x = NaiveReference.tensor([batch, 3, 4, 4], seed: 1)
            let w = NaiveReference.tensor([2, 3, 3, 3], seed: 2)
            let b = NaiveReference.tensor([batch, 2], seed: 3)
            let r = NaiveReference.tensor([batch, 2, 4, 4], seed: 4)
            let plain = NaiveReference.conv2d(x, w, nil, stride: 1, padding: .uniform(1))
            let y = x.conv2d(weight: w, bias: b, stride: 1, padding: .uniform(1), residual: r, columnBudget: budget)
            let expected = plain.indices.map { i in plain[i] + Double(r.values[i]) + Double(b.values[i / 16]) }
            XCTAssertLessThan(NaiveReference.maxDifference(y.values, expected), 1e-5, "batch \(batch), budget \(budget)")
        }
    }
}
