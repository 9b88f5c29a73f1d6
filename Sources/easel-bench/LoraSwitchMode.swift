import Diffusion
import Foundation
import Models

/// `easel-bench --lora-switch --checkpoint FILE --lora FILE [--precision P]`: the time to add a
/// LoRA to a loaded model, re-weight it and take it off again (`WeightPatcher.apply`, what a
/// workbench render does when a tag changes), with the resident memory after each step.
/// `tools/bench/make-lora.py` writes the rank-32 all-attention LoRA BENCHMARKS.md uses.
enum LoraSwitchMode {
    static func run(_ options: BenchOptions) throws {
        guard let path = options.value("--checkpoint"), let loraPath = options.value("--lora") else {
            throw BenchError("--lora-switch needs --checkpoint FILE and --lora FILE")
        }
        var pipeline: StableDiffusionPipeline?
        let load = try seconds {
            pipeline = try StableDiffusionPipeline.load(URL(fileURLWithPath: path), precision: try options.precision())
        }
        guard let pipeline, let binding = pipeline.adapterBinding else { throw BenchError("the pipeline takes no LoRAs") }
        print(String(format: "loaded in %.1f s (%@), RSS %@", load, pipeline.unet.precision.rawValue,
                     ProcessMemory.gib(ProcessMemory.resident)))
        let resolved = try binding.resolve(try AdapterNetwork(url: URL(fileURLWithPath: loraPath)))
        print("\(resolved.network.modules.count) modules, \(resolved.unmatchedModules.count) unmatched")
        let bytes = resolved.targets.compactMap { binding.patcher.weights[$0.component]?[$0.key]?.weight.byteCount }.reduce(0, +)
        print(String(format: "patched layers hold %.0f MiB in this precision", Double(bytes) / Double(1 << 20)))
        for (label, multiplier) in [("add (weight 1.0)", Float(1)), ("re-weight (0.5)", 0.5), ("remove", 0)] {
            var summary: WeightPatcher.Summary?
            let active = multiplier == 0 ? [] : [ActiveAdapter(resolved, textMultiplier: multiplier, unetMultiplier: multiplier)]
            let time = try seconds { summary = try binding.patcher.apply(active) }
            print(String(format: "%@: %.2f s, %d layers, RSS %@ (peak %@)", label, time, summary!.layersChanged,
                         ProcessMemory.gib(ProcessMemory.resident), ProcessMemory.gib(ProcessMemory.peakResident)))
        }
    }
}
