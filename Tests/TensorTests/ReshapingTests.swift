import XCTest
@testable import Tensor

final class ReshapingTests: XCTestCase {
    /// [[1,2],[3,4]] upsampled ×2 by nearest neighbour repeats each value in a 2×2 block.
    func testUpsampleNearestByHand() {
        let x = Tensor(shape: [1, 1, 2, 2], values: [1, 2, 3, 4])
        let y = x.upsampledNearest2x()
        XCTAssertEqual(y.shape, [1, 1, 4, 4])
        XCTAssertEqual(y.values, [1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4])
    }

    /// Channel concatenation keeps each batch item's channels together: item 0 gets a's
    /// channel then b's two channels, then item 1 likewise.
    func testConcatenateChannelsByHand() {
        let a = Tensor(shape: [2, 1, 1, 2], values: [1, 2, 3, 4])
        let b = Tensor(shape: [2, 2, 1, 2], values: [5, 6, 7, 8, 9, 10, 11, 12])
        let c = Tensor.concatenate([a, b])
        XCTAssertEqual(c.shape, [2, 3, 1, 2])
        XCTAssertEqual(c.values, [1, 2, 5, 6, 7, 8, 3, 4, 9, 10, 11, 12])
    }

    /// A pool hands the same buffer back for the same size once the first tensor is gone.
    func testBufferPoolReusesStorage() {
        let pool = BufferPool()
        let first = pool.activate { Tensor(uninitialized: [4, 4]).pointer }
        XCTAssertEqual(pool.heldCount, 16)
        let second = pool.activate { Tensor(uninitialized: [16]).pointer }
        XCTAssertEqual(first, second)
        pool.trim()
        XCTAssertEqual(pool.heldCount, 0)
    }
}

final class ResizeTests: XCTestCase {
    /// A 1×3 row [1,2,3] resized to width 5 picks ⌊x·3/5⌋ = 0,0,1,1,2 → [1,1,2,2,3], and the
    /// height 1 → 2 repeats the row (PyTorch's "nearest" index rule, worked by hand).
    func testNearestResizeToSizeByHand() {
        let x = Tensor(shape: [1, 1, 1, 3], values: [1, 2, 3])
        let y = x.upsampledNearest(height: 2, width: 5)
        XCTAssertEqual(y.values, [1, 1, 2, 2, 3, 1, 1, 2, 2, 3])
    }

    /// Stacking along the batch axis appends the items.
    func testConcatenateBatch() {
        let a = Tensor(shape: [1, 2], values: [1, 2]), b = Tensor(shape: [2, 2], values: [3, 4, 5, 6])
        let c = Tensor.concatenate([a, b], axis: 0)
        XCTAssertEqual(c.shape, [3, 2])
        XCTAssertEqual(c.values, [1, 2, 3, 4, 5, 6])
    }

    /// proj_in/proj_out style 1×1 convolutions equal a plain conv2d followed by a transpose.
    func testPointwiseConvolutionsMatchConv2d() {
        let x = NaiveReference.tensor([2, 3, 2, 4], seed: 1)
        let w = NaiveReference.tensor([5, 3, 1, 1], seed: 2), b = NaiveReference.tensor([5], seed: 3)
        let reference = x.conv2d(weight: w, bias: b).values
        let tokens = x.pointwiseConvToTokens(weight: w, bias: b)
        XCTAssertEqual(tokens.shape, [2, 8, 5])
        for n in 0..<2 { for p in 0..<8 { for c in 0..<5 {
            XCTAssertEqual(tokens.values[(n * 8 + p) * 5 + c], reference[(n * 5 + c) * 8 + p], accuracy: 1e-5)
        }}}
        let w2 = NaiveReference.tensor([3, 5, 1, 1], seed: 4), b2 = NaiveReference.tensor([3], seed: 5)
        let back = tokens.tokensPointwiseConv(weight: w2, bias: b2, residual: x)
        let image = Tensor(shape: [2, 5, 2, 4], values: reference)
        let expected = image.conv2d(weight: w2, bias: b2, residual: x)
        XCTAssertLessThan(NaiveReference.maxDifference(back.values, expected.values.map(Double.init)), 1e-5)
    }
}
