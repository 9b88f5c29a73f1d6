import Foundation
import Tensor

/// The `conv` row: the VAE decoder's 3×3 convolutions at a 512-pixel decode, each timed
/// through im2col + SGEMM and through Winograd F(4×4, 3×3) (fp32), and with bf16 weights (the
/// fast mode's path: `EASEL_WINOGRAD_BF16=0` keeps it on the bf16 GEMM), with the effective rate
/// 2·Cout·Cin·9·H·W / time of the direct convolution.
struct ConvolutionRows {
    let runs: Int

    /// (batch, channels in, channels out, side): the VAE decoder's 3×3 convolutions at 512 px,
    /// once each, then the UNet's (batch 2 with CFG) at 512 px and at 256 px, down to its 4×4 level.
    static let shapes = [(1, 512, 512, 64), (1, 512, 512, 128), (1, 512, 512, 256), (1, 512, 256, 256),
                         (1, 256, 256, 256), (1, 256, 256, 512), (1, 256, 128, 512), (1, 128, 128, 512),
                         (2, 320, 320, 64), (2, 640, 640, 32), (2, 1280, 1280, 16), (2, 320, 320, 32),
                         (2, 640, 640, 16), (2, 1280, 1280, 8), (2, 1280, 1280, 4), (2, 2560, 1280, 8),
                         (2, 2560, 1280, 4)]

    func run() throws {
        print("3×3 convolutions (fp32): im2col vs Winograd F(4×4, 3×3), best of \(runs)")
        let weights = RandomWeights()
        for (batch, cin, cout, side) in Self.shapes {
            let x = try weights.tensor("conv.x.\(cin).\(side)", shape: [batch, cin, side, side])
            let w = try weights.tensor("conv.w.\(cin).\(cout)", shape: [cout, cin, 3, 3])
            let b = try weights.tensor("conv.b.\(cout)", shape: [cout])
            let flops = 2.0 * Double(batch * cout * cin * 9 * side * side)
            _ = OpProfile.report()
            let im2col = best { _ = x.conv2dIm2col(weight: w, bias: b, padding: .uniform(1)) }
            let winograd = best { _ = x.conv2d(weight: w, bias: b, padding: .uniform(1)) }
            let packed = Precision.bf16Supported ? GEMMWeight(w, precision: .bf16, layout: .outputsAsRows) : nil
            let bf16 = packed.map { p in best { _ = x.conv2d(weight: p, bias: b, padding: .uniform(1)) } }
            print(String(format: "  %d×%4d→%4d at %3d²: im2col %7.1f ms (%4.0f GFLOP/s), winograd %7.1f ms (%4.0f), %.2f×",
                         batch, cin, cout, side, im2col * 1e3, flops / im2col * 1e-9, winograd * 1e3,
                         flops / winograd * 1e-9, winograd / im2col)
                  + (bf16.map { String(format: "; bf16 weights %7.1f ms", $0 * 1e3) } ?? ""))
            if OpProfile.isEnabled { print(OpProfile.report()) }
        }
    }

    /// The fastest of `runs` timings after one warm-up.
    private func best(_ body: () -> Void) -> Double {
        body()
        return (0..<runs).map { _ in seconds(body) }.min()!
    }
}
