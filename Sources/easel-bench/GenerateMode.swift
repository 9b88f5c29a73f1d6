import Diffusion
import Foundation
import Tensor

/// `easel-bench --generate`: one txt2img generation from a checkpoint file (Euler, CFG 7,
/// batch 1), reporting load time, time per step, the VAE decode and peak RSS (VmHWM) — the
/// whole process, as a user's `easel generate` would see it.
enum GenerateMode {
    static func run(_ options: BenchOptions) throws {
        guard let path = options.value("--checkpoint") else { throw BenchError("--generate needs --checkpoint FILE") }
        let precision = try options.precision()
        let size = Int(options.value("--size") ?? "") ?? 512
        let steps = Int(options.value("--steps") ?? "") ?? 2
        var pipeline: StableDiffusionPipeline?
        let load = try seconds { pipeline = try StableDiffusionPipeline.load(URL(fileURLWithPath: path), precision: precision) }
        print(String(format: "loaded in %.1f s, RSS %@", load, ProcessMemory.gib(ProcessMemory.resident)))
        let request = GenerationRequest(prompt: "a lighthouse on a cliff at sunset, oil painting", negativePrompt: "blurry",
                                        steps: steps, sampler: .euler, cfgScale: 7, seed: 1, width: size, height: size)
        var stepTimes: [Double] = []
        var last = 0.0
        let total = try seconds {
            _ = try pipeline!.generate(request) { progress in
                stepTimes.append(progress.elapsed - last)
                last = progress.elapsed
            }
        }
        let stepList = stepTimes.map { String(format: "%.2f", $0) }.joined(separator: ", ")
        print(String(format: "%d×%d, %@: %.1f s in all; steps (s, the first includes the prompt encoding): %@; "
                     + "decode and the rest %.1f s", size, size, precision.rawValue, total, stepList, total - last))
        print("peak RSS (VmHWM): \(ProcessMemory.gib(ProcessMemory.peakResident))")
    }
}
