import Foundation
import Tensor

/// The `attention` row: `Attention.multiHead` alone on the SDXL UNet's shapes at a 96 × 96
/// latent (batch 2 = cond + uncond, head size 64): self-attention at 48² and 24² tokens and
/// cross-attention on 77 context tokens, with the rate 4·B·heads·Tq·Tk·64 / time of its two
/// GEMMs. `EASEL_ATTENTION_BAND` (floats of the score band) changes the band between runs.
struct AttentionRows {
    let runs: Int

    /// (query tokens, key tokens, channels): 640 channels = 10 heads, 1280 = 20 heads.
    static let shapes = [(2304, 2304, 640), (2304, 77, 640), (576, 576, 1280), (576, 77, 1280)]

    func run() throws {
        print("attention (fp32), batch 2, head size 64, best of \(runs)"
              + (ProcessInfo.processInfo.environment["EASEL_ATTENTION_BAND"].map { ", EASEL_ATTENTION_BAND=\($0)" } ?? ""))
        let weights = RandomWeights()
        for (tq, tk, channels) in Self.shapes {
            let q = try weights.tensor("attn.q.\(tq).\(channels)", shape: [2, tq, channels])   // [B, Tq, C]
            let k = try weights.tensor("attn.k.\(tk).\(channels)", shape: [2, tk, channels])   // [B, Tk, C]
            let v = try weights.tensor("attn.v.\(tk).\(channels)", shape: [2, tk, channels])   // [B, Tk, C]
            let heads = channels / 64
            let flops = 4.0 * Double(2 * heads * tq * tk * 64)
            _ = Attention.multiHead(q: q, k: k, v: v, heads: heads)   // warm-up
            let time = (0..<runs).map { _ in seconds { _ = Attention.multiHead(q: q, k: k, v: v, heads: heads) } }.min()!
            print(String(format: "  %4d → %4d tokens, %2d heads: %8.1f ms (%5.1f GFLOP/s)", tq, tk, heads, time * 1e3,
                         flops / time * 1e-9))
            if OpProfile.isEnabled { print(OpProfile.report()) }
        }
    }
}
