import Diffusion
import EngineAPI
import Foundation
import RenderSettings
import Tensor

/// `easel-bench --generate`: one txt2img generation from a checkpoint file (Euler, CFG 7,
/// batch 1), reporting load time, time per step, the VAE decode and peak RSS (VmHWM) — the
/// whole process, as a user's `easel generate` would see it — and the cost of the live preview
/// (`LatentPreview`, the 4×3 latent → RGB map) against a step, the time to the first preview
/// (the first progress report, prompt encoding and one step) and the CPU seconds spent.
enum GenerateMode {
    static func run(_ options: BenchOptions) throws {
        guard let path = options.value("--checkpoint") else { throw BenchError("--generate needs --checkpoint FILE") }
        let precision = try options.precision()
        let size = Int(options.value("--size") ?? "") ?? 512
        let steps = Int(options.value("--steps") ?? "") ?? 2
        var pipeline: StableDiffusionPipeline?
        let load = try seconds { pipeline = try StableDiffusionPipeline.load(URL(fileURLWithPath: path), precision: precision) }
        print(String(format: "loaded in %.1f s, RSS %@", load, ProcessMemory.gib(ProcessMemory.resident)))
        var request = EngineRequest(settings: RenderSettings(
            prompt: "a lighthouse on a cliff at sunset, oil painting", negativePrompt: "blurry", steps: steps,
            sampler: .euler, schedule: .normal, cfgScale: 7, seed: 1, width: size, height: size))
        request.draftScale = Int(options.value("--draft") ?? "") ?? 1
        var stepTimes: [Double] = []
        var last = 0.0, draftDone: Double?, peakDuringSteps = 0, firstPreview: Double?
        let cpuBefore = ProcessMemory.cpuSeconds
        let total = try seconds {
            _ = try pipeline!.generate(request) { progress in
                if firstPreview == nil { firstPreview = progress.elapsed }
                peakDuringSteps = max(peakDuringSteps, ProcessMemory.peakResident ?? 0)
                if progress.isDraft {
                    if progress.step == progress.totalSteps { draftDone = progress.elapsed }
                } else {
                    stepTimes.append(progress.elapsed - (stepTimes.isEmpty ? draftDone ?? 0 : last))
                }
                last = progress.elapsed
            }
        }
        if let draftDone {
            print(String(format: "draft pass (1/%d scale, %d steps) done at %.2f s, prompt encoding included",
                         request.draftScale, min(steps, request.draftScale * request.draftScale), draftDone))
        }
        let stepList = stepTimes.map { String(format: "%.2f", $0) }.joined(separator: ", ")
        print(String(format: "%d×%d, %@: %.1f s in all; steps (s, the first includes the prompt encoding): %@; "
                     + "decode and the rest %.1f s", size, size, precision.rawValue, total, stepList, total - last))
        print(String(format: "first preview at %.1f s; CPU seconds (user + sys) of the generation %.1f; load average %@",
                     firstPreview ?? 0, ProcessMemory.cpuSeconds - cpuBefore, ProcessMemory.loadAverage))
        if stepTimes.count > 1 {
            let later = stepTimes.dropFirst().sorted()
            print(String(format: "median step after the first: %.2f ms", later[later.count / 2] * 1000))
        }
        if OpProfile.isEnabled { print("kernel time over the generation:\n" + OpProfile.report()) }
        let latent = (0..<(4 * size * size / 64)).map { Float(($0 * 7919) % 2000) / 1000 - 1 }
        let previewTime = seconds {
            for _ in 0..<100 { _ = LatentPreview.image(latent: latent, width: size / 8, height: size / 8) }
        } / 100
        let step = stepTimes.count > 1 ? stepTimes.last! : total
        print(String(format: "live preview (latent → RGB, %d×%d): %.3f ms = %.4f %% of a step", size / 8, size / 8,
                     previewTime * 1000, previewTime / step * 100))
        print("peak RSS (VmHWM): \(ProcessMemory.gib(ProcessMemory.peakResident)) "
              + "(\(ProcessMemory.gib(peakDuringSteps)) by the end of the last step)")
    }
}
