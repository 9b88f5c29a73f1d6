import Foundation
import Models
import Tensor

/// The default mode: the SD 1.5-size networks built in memory with random weights (no
/// download), each row warmed up once and then timed `--runs` times. Rows: clip, unet64,
/// unet32, vae, and vae1024 (a 1024×1024 decode), conv (single convolutions) and attention
/// (SDXL's attention shapes) when asked for.
struct RandomWeightsMode {
    let runs: Int
    let selected: Set<String>
    let precision: Precision

    static func run(_ options: BenchOptions) throws {
        let mode = RandomWeightsMode(
            runs: max(1, Int(options.value("--runs") ?? "") ?? 2),
            selected: Set((options.value("--only") ?? "clip,unet64,unet32,vae").split(separator: ",").map(String.init)),
            precision: try options.precision())
        try mode.run()
    }

    /// Runs `body` once to warm up (allocate pooled buffers), then `runs` times; prints the median.
    func measure(_ label: String, _ body: () throws -> Void) rethrows {
        try body()
        _ = OpProfile.report()
        var times: [Double] = []
        for _ in 0..<runs { times.append(try seconds(body)) }
        let sorted = times.sorted()
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2]
                                           : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        let list = times.map { String(format: "%.3f", $0) }.joined(separator: ", ")
        print(label.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "median %7.3f s", median)
              + "   (runs: \(list))")
        if OpProfile.isEnabled { print("kernel time over the \(runs) timed run(s):\n" + OpProfile.report()) }
    }

    func randomTensor(_ shape: [Int]) throws -> Tensor {
        try RandomWeights().tensor("input.\(shape)", shape: shape.map { $0 })
    }

    func run() throws {
        print("easel-bench: SD 1.5-size networks, random weights, \(precision.rawValue)")
        print("OpenBLAS kernels: \(BLAS.coreName), threads: \(Parallel.workerCount), timed runs: \(runs) after 1 warm-up")
        if let forced = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] {
            print(BLAS.coreTypeNote ?? "note: OPENBLAS_CORETYPE=\(forced) is set and overrides OpenBLAS's own CPU detection")
        }
        if selected.contains("clip") {
            let clip = try CLIPTextModel(weights: RandomWeights(), config: CLIPTextConfig(), precision: precision)
            let ids = (0..<2).map { row in [49406] + (1..<76).map { ($0 * 7919 + row * 104_729) % 49_000 } + [49407] }
            try measure("CLIP-L text encoder, batch 2 × 77") { _ = try clip.encode(ids) }
        }
        if selected.contains("unet64") || selected.contains("unet32") {
            let unet = try UNetModel(weights: RandomWeights(), config: UNetConfig(), precision: precision)
            print("UNet weights loaded, RSS \(ProcessMemory.gib(ProcessMemory.resident))")
            let context = try randomTensor([2, 77, 768])
            for side in [64, 32] where selected.contains("unet\(side)") {
                let x = try randomTensor([2, 4, side, side])
                try measure("UNet, batch 2, \(side)×\(side) latent") {
                    _ = try unet(x, timesteps: [999, 500.5], context: context)
                }
                unet.releaseScratch()
            }
        }
        for side in [64, 128] where selected.contains(side == 64 ? "vae" : "vae1024") {
            let vae = try VAEModel(weights: RandomWeights(), config: VAEConfig(), precision: precision)
            let latent = try randomTensor([1, 4, side, side])
            try measure("VAE decode, \(8 * side)×\(8 * side)") { _ = try vae.decode(latent) }
        }
        if selected.contains("conv") { try ConvolutionRows(runs: runs).run() }
        if selected.contains("attention") { try AttentionRows(runs: runs).run() }
        print("peak RSS (VmHWM): \(ProcessMemory.gib(ProcessMemory.peakResident))")
    }
}
