import XCTest
@testable import Tensor

final class AttentionTests: XCTestCase {
    /// One query over two keys with head size 1: scores q·k/√1 = [0, ln 3] give weights
    /// [1/4, 3/4], so the output is ¼·10 + ¾·20 = 17.5 (by hand).
    func testTwoKeysByHand() {
        let q = Tensor(shape: [1, 1, 1], values: [1])
        let k = Tensor(shape: [1, 2, 1], values: [0, Float(log(3.0))])
        let v = Tensor(shape: [1, 2, 1], values: [10, 20])
        let o = Attention.multiHead(q: q, k: k, v: v, heads: 1)
        XCTAssertEqual(o.values[0], 17.5, accuracy: 1e-5)
    }

    /// One softmax row (whichever kernel this CPU picks: AVX-512F, AVX2 or Swift SIMD) against
    /// exp in Double, for widths around the 8- and 16-lane edges and a causal cut.
    func testSoftmaxRowAgainstDoubleExp() {
        for width in [1, 3, 7, 8, 9, 15, 16, 17, 31, 40, 77] {
            for valid in Set([width, max(1, width / 2)]) {
                let input = (0..<width).map { Float(sin(Double($0) * 1.7) * 9) }
                var row = input
                let inverse = row.withUnsafeMutableBufferPointer {
                    Attention.exponentiateRow($0.baseAddress!, valid: valid, width: width, scale: 0.37)
                }
                let m = input[..<valid].max()!
                let want = (0..<width).map { $0 < valid ? exp(Double(input[$0] - m) * 0.37) : 0 }
                for i in 0..<width { XCTAssertEqual(Double(row[i]), want[i], accuracy: 2e-7 * max(1, want[i]), "width \(width) valid \(valid) at \(i)") }
                XCTAssertEqual(Double(inverse), 1 / want.reduce(0, +), accuracy: 1e-6, "width \(width) valid \(valid)")
            }
        }
    }

    /// Multi-head cross-attention [B, T, C] against a per-head naive softmax attention.
    func testMultiHeadAgainstDefinition() {
        let (batch, tq, tk, heads, d) = (2, 7, 5, 3, 4)
        let q = NaiveReference.tensor([batch, tq, heads * d], seed: 1)
        let k = NaiveReference.tensor([batch, tk, heads * d], seed: 2)
        let v = NaiveReference.tensor([batch, tk, heads * d], seed: 3)
        for causal in [false, true] {
            let kk = causal ? q : k, vv = causal ? NaiveReference.tensor([batch, tq, heads * d], seed: 4) : v
            let keys = causal ? tq : tk
            let o = Attention.multiHead(q: q, k: kk, v: vv, heads: heads, causal: causal).values
            for b in 0..<batch { for h in 0..<heads {
                func head(_ t: Tensor, _ tokens: Int) -> [Double] {
                    (0..<tokens).flatMap { i in (0..<d).map { Double(t.values[(b * tokens + i) * heads * d + h * d + $0]) } }
                }
                let want = NaiveReference.attention(q: head(q, tq), k: head(kk, keys), v: head(vv, keys),
                                                    tq: tq, tk: keys, d: d, causal: causal)
                for i in 0..<tq { for c in 0..<d {
                    XCTAssertEqual(Double(o[(b * tq + i) * heads * d + h * d + c]), want[i * d + c], accuracy: 1e-5)
                }}
            }}
        }
    }

    /// Channels-major single-head attention (the VAE layout [B, C, T]) equals the tokens-major
    /// result on the transposed operands.
    func testChannelsMajorMatchesTokensMajor() {
        let (t, c) = (6, 5)
        let q = NaiveReference.tensor([1, t, c], seed: 5), k = NaiveReference.tensor([1, t, c], seed: 6)
        let v = NaiveReference.tensor([1, t, c], seed: 7)
        func transpose(_ x: Tensor) -> Tensor {
            Tensor(shape: [1, c, t], values: (0..<c).flatMap { ch in (0..<t).map { x.values[$0 * c + ch] } })
        }
        let tokens = Attention.multiHead(q: q, k: k, v: v, heads: 1)
        let channels = Attention.multiHead(q: transpose(q), k: transpose(k), v: transpose(v), heads: 1,
                                           layout: .channelsMajor)
        XCTAssertLessThan(NaiveReference.maxDifference(transpose(tokens).values, channels.values.map(Double.init)), 1e-6)
    }
}
