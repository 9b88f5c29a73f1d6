import XCTest
@testable import Tensor

/// Winograd F(4×4, 3×3) against the Double-precision definition of the convolution
/// (`NaiveReference.conv2d`), on sizes that are and are not multiples of the 4×4 tile.
final class WinogradConvolutionTests: XCTestCase {
    private func run(_ x: Tensor, _ w: Tensor, bias: Tensor?, residual: Tensor?, bandBudget: Int = Winograd.bandBudget,
                     into output: Tensor? = nil) -> Tensor {
        let (batch, cout) = (x.shape[0], w.shape[0])
        let out = output ?? Tensor(uninitialized: [batch, cout, x.shape[2], x.shape[3]])
        let epilogue = ConvEpilogue(bias: bias, perItem: bias.map { $0.count == batch * cout && batch > 1 } ?? false,
                                    residual: residual, channels: cout, plane: x.shape[2] * x.shape[3])
        x.convolveWinograd(weight: .fp32(w), epilogue: epilogue, into: out, bandBudget: bandBudget)
        return out
    }

    /// Odd sizes leave partial tiles on the right and bottom edges; a tiny band budget cuts the
    /// image into one row of tiles per band. F(4×4, 3×3)'s transforms scale terms by up to
    /// 8 × 5, so its rounding error is larger than im2col's (Lavin & Gray, section 5); the bound
    /// is 2e-5 of the largest output, a fifth of the 1e-4 the fixture parity tests allow.
    func testMatchesDefinitionWithPartialTilesAndBands() {
        for (index, size) in [(9, 7), (16, 16), (13, 21)].enumerated() {
            let x = NaiveReference.tensor([1, 8, size.0, size.1], seed: UInt64(index))
            let w = NaiveReference.tensor([5, 8, 3, 3], seed: UInt64(index + 10))
            let b = NaiveReference.tensor([5], seed: UInt64(index + 20))
            let expected = NaiveReference.conv2d(x, w, b, stride: 1, padding: .uniform(1))
            for budget in [Winograd.bandBudget, 1] {
                let y = run(x, w, bias: b, residual: nil, bandBudget: budget)
                let scale = expected.map(abs).max()!
                XCTAssertLessThan(NaiveReference.maxDifference(y.values, expected) / scale, 2e-5, "\(size), \(budget)")
            }
        }
    }

    /// A batch of 2 (items side by side in each band's GEMMs) with one bias row per item and a
    /// residual, also written over the residual itself (as the ResBlocks do).
    func testPerItemBiasAndResidualInPlace() {
        let x = NaiveReference.tensor([2, 6, 10, 11], seed: 1)
        let w = NaiveReference.tensor([4, 6, 3, 3], seed: 2)
        let b = NaiveReference.tensor([2, 4], seed: 3)
        let r = NaiveReference.tensor([2, 4, 10, 11], seed: 4)
        let plain = NaiveReference.conv2d(x, w, nil, stride: 1, padding: .uniform(1))
        let expected = plain.indices.map { i in plain[i] + Double(r.values[i]) + Double(b.values[i / 110]) }
        for budget in [Winograd.bandBudget, 1] {   // both items in one band, or one tile row per band
            let separate = run(x, w, bias: b, residual: r, bandBudget: budget)
            XCTAssertLessThan(NaiveReference.maxDifference(separate.values, expected) / expected.map(abs).max()!, 2e-5)
            let target = r.copy()
            let inPlace = run(x, w, bias: b, residual: target, bandBudget: budget, into: target)
            XCTAssertEqual(inPlace.values, separate.values)
        }
    }

    /// The public `conv2d` takes this path for a large enough convolution and agrees with
    /// im2col (the path every parity test checks against PyTorch) within 2e-5 of the largest
    /// output (576-term sums).
    func testConv2dUsesWinogradForLargeConvolutionsAndAgreesWithIm2col() {
        let x = NaiveReference.tensor([1, 64, 32, 36], seed: 5)
        let w = NaiveReference.tensor([64, 64, 3, 3], seed: 6)
        let b = NaiveReference.tensor([64], seed: 7)
        let geometry = ConvGeometry(kernel: (3, 3), stride: 1, padding: .uniform(1), outHeight: 32, outWidth: 36)
        XCTAssertTrue(Winograd.applies(to: geometry, batch: 1, inputChannels: 64, outputChannels: 64))
        let winograd = x.conv2d(weight: w, bias: b, padding: .uniform(1))
        let im2col = x.conv2d(weight: w, bias: b, stride: 1, padding: .uniform(1), residual: nil,
                              columnBudget: Conv2D.columnBudget)
        let scale = im2col.values.map(abs).max()!
        let worst = zip(winograd.values, im2col.values).map { abs($0 - $1) }.max()!
        XCTAssertLessThan(worst / scale, 2e-5, "largest difference relative to the largest output")
    }

    /// With the fast mode's bf16 weights the convolution is still fp32 Winograd, on the weights
    /// rounded to bf16: it matches the definition applied to weights rounded here by hand
    /// (round to nearest even on the top 16 bits).
    func testBF16WeightsAreWidenedAndConvolvedInFP32() throws {
        try XCTSkipUnless(Precision.bf16Supported, "no AVX512_BF16 on this CPU")
        let x = NaiveReference.tensor([2, 8, 11, 9], seed: 8)
        let w = NaiveReference.tensor([16, 8, 3, 3], seed: 9)
        let rounded = Tensor(shape: w.shape, values: w.values.map { value in
            let bits = value.bitPattern
            return Float(bitPattern: (bits &+ 0x7fff &+ ((bits >> 16) & 1)) & 0xffff_0000)
        })
        let expected = NaiveReference.conv2d(x, rounded, nil, stride: 1, padding: .uniform(1))
        let weight = GEMMWeight(w, precision: .bf16, layout: .outputsAsRows)
        let y = Winograd.forEveryEligibleConvolution { x.conv2d(weight: weight, bias: nil, padding: .uniform(1)) }
        XCTAssertLessThan(NaiveReference.maxDifference(y.values, expected) / expected.map(abs).max()!, 2e-5)
    }
}
