import Foundation

// easel-bench: Easel's networks timed on this machine.
//   easel-bench [--runs N] [--only clip,unet64,unet32,vae,vae1024,conv,attention] [--precision fp32|bf16]
//       SD 1.5-size networks with random weights (no download).
//   easel-bench --serve --checkpoint FILE --inputs FILE --component unet|vae|text [--precision P]
//       one network of a checkpoint, driven by tools/bench/compare.py (see tools/bench/).
//   easel-bench --generate --checkpoint FILE [--precision P] [--size 512] [--steps 2] [--draft D]
//       one txt2img generation; prints its time and peak RSS.
//   easel-bench --few-step --checkpoint FILE [--taesd FILE] [--precision P] [--size 512] [--steps 4] [--runs 2]
//       an LCM-style generation (CFG 1, lcm sampler and model sampling), end to end, with the
//       first-preview latency; the full VAE decodes unless --taesd names a TAESD decoder.
//   easel-bench --lora-switch --checkpoint FILE --lora FILE [--precision P]
//       add, re-weight and remove a LoRA on the loaded model (tools/bench/make-lora.py).
//   easel-bench --write-checkpoint FILE
//       an SD 1.5-shape single-file checkpoint with random fp16 weights (for server tests).
// With EASEL_PROFILE=1 it also prints the time spent per kind of kernel.

let options = BenchOptions(Array(CommandLine.arguments.dropFirst()))
do {
    if options.has("--serve") {
        try ServeMode.run(options)
    } else if options.has("--few-step") {
        try FewStepMode.run(options)
    } else if options.has("--lora-switch") {
        try LoraSwitchMode.run(options)
    } else if options.has("--write-checkpoint") {
        try CheckpointWriterMode.run(options)
    } else if options.has("--generate") {
        try GenerateMode.run(options)
    } else {
        try RandomWeightsMode.run(options)
    }
} catch {
    FileHandle.standardError.write("easel-bench: \(error)\n".data(using: .utf8)!)
    exit(1)
}
