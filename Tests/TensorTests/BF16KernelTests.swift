import XCTest
@testable import Tensor

/// The bf16 kernels against the naive Double definitions evaluated on inputs rounded to
/// bfloat16 first. Rounding is round-to-nearest-even on the fp32 bit pattern, written out here
/// independently of the kernel (the rule of PyTorch's `c10::BFloat16` `round_to_nearest_even`).
/// With identical bf16 inputs, only the fp32 accumulation order differs, so results agree to
/// about 1e-5 of their magnitude.
final class BF16KernelTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(Precision.bf16Supported, "this CPU has no AVX512_BF16")
    }

    static func roundedToBF16(_ x: Float) -> Float {
        let u = x.bitPattern
        let rounded = (u &+ 0x7fff &+ ((u >> 16) & 1)) & 0xffff_0000
        return Float(bitPattern: rounded)
    }

    static func rounded(_ t: Tensor) -> Tensor {
        Tensor(shape: t.shape, values: t.values.map(roundedToBF16))
    }

    /// Rounding by hand: 1 + 2⁻⁸ lies halfway between the bf16 neighbours 1 and 1 + 2⁻⁷ and
    /// goes to the even one, 1; 1 + 3·2⁻⁸ goes up to 1 + 2⁻⁶.
    func testRoundingRuleByHand() {
        XCTAssertEqual(Self.roundedToBF16(1 + 0x1p-8), 1)
        XCTAssertEqual(Self.roundedToBF16(1 + 3 * 0x1p-8), 1 + 0x1p-6)
    }

    /// Linear with odd depth, a row count that is not a multiple of 6 and an output width that
    /// is not a multiple of 64, with bias and residual.
    func testLinearAgainstNaiveReference() {
        for (rows, inputs, outputs) in [(5, 37, 70), (13, 384 + 130, 129), (1, 8, 3)] {
            let x = NaiveReference.tensor([rows, inputs], seed: 1)
            let w = NaiveReference.tensor([outputs, inputs], seed: 2)
            let b = NaiveReference.tensor([outputs], seed: 3)
            let r = NaiveReference.tensor([rows, outputs], seed: 4)
            let weight = GEMMWeight(w, precision: .bf16, layout: .outputsAsColumns)
            let y = x.linear(weight: weight, bias: b, residual: r)
            let (xv, wv, bv, rv) = (Self.rounded(x).values, Self.rounded(w).values, b.values, r.values)
            var expected = [Double](repeating: 0, count: rows * outputs)
            for i in 0..<rows {
                for o in 0..<outputs {
                    var acc = Double(bv[o]) + Double(rv[i * outputs + o])
                    for k in 0..<inputs { acc += Double(xv[i * inputs + k]) * Double(wv[o * inputs + k]) }
                    expected[i * outputs + o] = acc
                }
            }
            XCTAssertEqual(y.shape, [rows, outputs])
            XCTAssertLessThan(NaiveReference.maxDifference(y.values, expected), 1e-4, "\(rows)×\(inputs)×\(outputs)")
        }
    }

    /// Convolutions through the implicit-im2col packing: 3×3 pad 1 on images wider than 16
    /// (masked vector loads at both edges) and narrower (scalar gathers across rows), stride 2
    /// with LDM's asymmetric padding, 1×1, the batch-folded path, a per-item bias and a residual.
    func testConvolutionAgainstNaiveReference() {
        let cases: [(shape: [Int], kernel: Int, stride: Int, padding: Padding2D)] = [
            ([1, 5, 6, 40], 3, 1, .uniform(1)),
            ([2, 5, 9, 7], 3, 1, .uniform(1)),
            ([2, 5, 20, 20], 3, 1, .uniform(1)),
            ([1, 5, 9, 33], 3, 2, Padding2D(top: 0, left: 0, bottom: 1, right: 1)),
            ([2, 5, 9, 7], 1, 1, .uniform(0)),
        ]
        for (index, c) in cases.enumerated() {
            let x = NaiveReference.tensor(c.shape, seed: UInt64(index))
            let w = NaiveReference.tensor([7, c.shape[1], c.kernel, c.kernel], seed: UInt64(index + 10))
            let b = NaiveReference.tensor([7], seed: UInt64(index + 20))
            let expected = NaiveReference.conv2d(Self.rounded(x), Self.rounded(w), b, stride: c.stride, padding: c.padding)
            let weight = GEMMWeight(w, precision: .bf16, layout: .outputsAsRows)
            let y = x.conv2d(weight: weight, bias: b, stride: c.stride, padding: c.padding)
            XCTAssertLessThan(NaiveReference.maxDifference(y.values, expected), 1e-4, "case \(index)")
            let residual = NaiveReference.tensor(y.shape, seed: 99)
            let withResidual = x.conv2d(weight: weight, bias: b, stride: c.stride, padding: c.padding, residual: residual)
            let sum = zip(expected, residual.values).map { $0 + Double($1) }
            XCTAssertLessThan(NaiveReference.maxDifference(withResidual.values, sum), 1e-4, "case \(index) + residual")
        }
    }

    /// Many output channels on a small image (a UNet's deepest levels): the rows are split
    /// between the workers and the implicit-im2col operand is packed once for all of them.
    func testConvolutionWithFewPixelsAndManyChannels() {
        let x = NaiveReference.tensor([2, 5, 4, 4], seed: 1)           // 32 columns with the batch folded
        let w = NaiveReference.tensor([40, 5, 3, 3], seed: 2)          // 7 row panels of 6
        let b = NaiveReference.tensor([40], seed: 3)
        let expected = NaiveReference.conv2d(Self.rounded(x), Self.rounded(w), b, stride: 1, padding: .uniform(1))
        let y = x.conv2d(weight: GEMMWeight(w, precision: .bf16, layout: .outputsAsRows), bias: b, padding: .uniform(1))
        XCTAssertLessThan(NaiveReference.maxDifference(y.values, expected), 1e-4)
    }

    /// proj_in / proj_out in bf16 equal the fp32 versions on bf16-rounded operands.
    func testPointwiseTokenConvolutionsMatchFP32OnRoundedValues() {
        let x = NaiveReference.tensor([2, 24, 5, 7], seed: 5)
        let w = NaiveReference.tensor([24, 24, 1, 1], seed: 6)
        let b = NaiveReference.tensor([24], seed: 7)
        let tokens = x.pointwiseConvToTokens(weight: GEMMWeight(w, precision: .bf16, layout: .outputsAsColumns), bias: b)
        let reference = Self.rounded(x).pointwiseConvToTokens(weight: Self.rounded(w), bias: b)
        XCTAssertLessThan(NaiveReference.maxDifference(tokens.values, reference.values.map(Double.init)), 1e-4)
        let back = tokens.tokensPointwiseConv(weight: GEMMWeight(w, precision: .bf16, layout: .outputsAsRows),
                                              bias: b, residual: x)
        let backReference = Self.rounded(tokens).tokensPointwiseConv(weight: Self.rounded(w), bias: b, residual: x)
        XCTAssertLessThan(NaiveReference.maxDifference(back.values, backReference.values.map(Double.init)), 1e-4)
    }

    /// bf16 attention against the naive softmax attention on bf16-rounded q, k, v, with bands
    /// of queries (a small score budget is not needed: 70 keys × 300 queries already spans
    /// several row panels). The unnormalised probabilities are rounded to bf16 too (relative
    /// error ≤ 2⁻⁹) before E·V, so outputs (|v| < 1) agree to 2⁻⁹ plus fp32 noise: 5e-3.
    func testAttentionAgainstDefinition() {
        let (batch, heads, d) = (2, 3, 40)
        for (tq, tk, causal) in [(300, 70, false), (77, 77, true)] {
            let q = NaiveReference.tensor([batch, tq, heads * d], seed: 11)
            let k = NaiveReference.tensor([batch, tk, heads * d], seed: 12)
            let v = NaiveReference.tensor([batch, tk, heads * d], seed: 13)
            let o = Attention.multiHead(q: q, k: k, v: v, heads: heads, causal: causal, precision: .bf16).values
            let (qr, kr, vr) = (Self.rounded(q).values, Self.rounded(k).values, Self.rounded(v).values)
            var worst = 0.0
            for b in 0..<batch { for h in 0..<heads {
                func head(_ t: [Float], _ tokens: Int) -> [Double] {
                    (0..<tokens).flatMap { i in (0..<d).map { Double(t[(b * tokens + i) * heads * d + h * d + $0]) } }
                }
                let want = NaiveReference.attention(q: head(qr, tq), k: head(kr, tk), v: head(vr, tk),
                                                    tq: tq, tk: tk, d: d, causal: causal)
                for i in 0..<tq { for c in 0..<d {
                    worst = max(worst, abs(Double(o[(b * tq + i) * heads * d + h * d + c]) - want[i * d + c]))
                }}
            }}
            XCTAssertLessThan(worst, 5e-3, "tq \(tq), tk \(tk), causal \(causal)")
        }
    }
}
