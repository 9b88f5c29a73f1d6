import Foundation
import Models
import Tensor

// easel-bench: the SD 1.5-size networks with random weights (no download), timed on this
// machine. Usage: easel-bench [--runs N] [--only clip,unet64,unet32,vae]
// With EASEL_PROFILE=1 it also prints the time spent per kind of kernel.

let arguments = Array(CommandLine.arguments.dropFirst())

func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
let runs = max(1, Int(option("--runs") ?? "") ?? 2)
let selected = Set((option("--only") ?? "clip,unet64,unet32,vae").split(separator: ",").map(String.init))

/// Runs `body` once to warm up (allocate pooled buffers), then `runs` times; returns seconds.
func measure(_ label: String, _ body: () throws -> Void) rethrows {
    try body()
    _ = OpProfile.report()
    var times: [Double] = []
    for _ in 0..<runs {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
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

print("easel-bench: SD 1.5-size networks, random weights, fp32")
print("OpenBLAS kernels: \(BLAS.coreName), threads: \(Parallel.workerCount), timed runs: \(runs) after 1 warm-up")
if let forced = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] {
    print("note: OPENBLAS_CORETYPE=\(forced) is set and overrides OpenBLAS's own CPU detection")
}

if selected.contains("clip") {
    let clip = try CLIPTextModel(weights: RandomWeights(), config: CLIPTextConfig())
    let ids = (0..<2).map { row in [49406] + (1..<76).map { ($0 * 7919 + row * 104_729) % 49_000 } + [49407] }
    try measure("CLIP-L text encoder, batch 2 × 77") { _ = try clip.encode(ids) }
}

if selected.contains("unet64") || selected.contains("unet32") {
    let unet = try UNetModel(weights: RandomWeights(), config: UNetConfig())
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

if selected.contains("vae") {
    let vae = try VAEModel(weights: RandomWeights(), config: VAEConfig())
    let latent = try randomTensor([1, 4, 64, 64])
    try measure("VAE decode, 512×512") { _ = try vae.decode(latent) }
}

print("peak RSS (VmHWM): \(ProcessMemory.gib(ProcessMemory.peakResident))")
