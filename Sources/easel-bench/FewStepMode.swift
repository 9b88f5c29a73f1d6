import Diffusion
import EngineAPI
import Foundation
import Models
import RenderSettings
import Tensor

/// `easel-bench --few-step`: an LCM-style generation from a checkpoint (4 steps, CFG 1, the
/// LCM sampler over `--model-sampling lcm`, sgm_uniform), end to end after loading: prompt
/// encoding, the steps, the decode by the full VAE or by TAESD (`--taesd FILE`, which then also
/// draws the previews). Reports the total and the first-preview latency (from the start of the
/// job to the first step's preview in hand). `tools/bench/torch_lcm.py` does the same in PyTorch.
enum FewStepMode {
    static func run(_ options: BenchOptions) throws {
        guard let path = options.value("--checkpoint") else { throw BenchError("--few-step needs --checkpoint FILE") }
        let size = Int(options.value("--size") ?? "") ?? 512
        let steps = Int(options.value("--steps") ?? "") ?? 4
        let pipeline = try StableDiffusionPipeline.load(URL(fileURLWithPath: path), precision: try options.precision())
        if let taesd = options.value("--taesd") {
            pipeline.taesd = try TinyAutoencoderDecoder(contentsOf: URL(fileURLWithPath: taesd))
            pipeline.finalDecodeWithTAESD = true
        }
        var settings = RenderSettings(prompt: "a lighthouse on a cliff at sunset, oil painting", steps: steps,
                                      sampler: .lcm, schedule: .sgmUniform, cfgScale: 1, seed: 1, width: size, height: size)
        settings.modelSampling = .lcm
        for run in 0..<(Int(options.value("--runs") ?? "") ?? 2) {
            var firstPreview: Double?
            var stepEnds: [Double] = []
            let total = try seconds {
                _ = try pipeline.generate(EngineRequest(settings: settings)) { progress in
                    if firstPreview == nil, progress.preview != nil { firstPreview = progress.elapsed }
                    stepEnds.append(progress.elapsed)
                }
            }
            let decoder = pipeline.taesd == nil ? "VAE" : "TAESD"
            print(String(format: "run %d, %d×%d, %d LCM steps, CFG 1, %@ decode, %@: %.2f s in all; first preview at %.2f s; "
                         + "steps end at %@ s", run + 1, size, size, steps, decoder, pipeline.unet.precision.rawValue, total,
                         firstPreview ?? 0, stepEnds.map { String(format: "%.2f", $0) }.joined(separator: ", ")))
        }
    }
}
