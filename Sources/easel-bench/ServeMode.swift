import Foundation
import Models
import SafeTensors
import Tensor

/// `easel-bench --serve`: one network of a checkpoint file, driven over stdin/stdout by
/// `tools/bench/compare.py` with the same line protocol as `tools/bench/torch_worker.py`:
/// `run ROW` → `time SECONDS`, `dump ROW PATH` → `ok` (raw little-endian fp32), `rss` →
/// `rss BYTES` (VmHWM), `quit`. Rows: clip, unet64, unet32, vae (SD 1.5; for SDXL see
/// `ServeMode+SDXL.swift`). Inputs come from the benchmark's `inputs.safetensors`.
struct ServeMode {
    let checkpoint: StableDiffusionCheckpoint
    let inputs: SafeTensorsFile
    let component: String
    let precision: Precision

    static func run(_ options: BenchOptions) throws {
        guard let path = options.value("--checkpoint"), let inputsPath = options.value("--inputs"),
              let component = options.value("--component") else {
            throw BenchError("--serve needs --checkpoint FILE --inputs FILE --component unet|vae|text")
        }
        let start = ContinuousClock.now
        let mode = ServeMode(checkpoint: try StableDiffusionCheckpoint.load(URL(fileURLWithPath: path)),
                             inputs: try SafeTensorsFile(url: URL(fileURLWithPath: inputsPath)),
                             component: component, precision: try options.precision())
        try mode.serve(loadStart: start)
    }

    private func serve(loadStart: ContinuousClock.Instant) throws {
        let forward = try network()
        let loaded = ContinuousClock.now - loadStart
        print("ready \(loaded) precision \(precision.rawValue) blas \(BLAS.coreName)"
              + (ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"].map { " (OPENBLAS_CORETYPE=\($0))" } ?? ""))
        fflush(stdout)
        while let line = readLine() {
            let words = line.split(separator: " ").map(String.init)
            guard let command = words.first else { continue }
            if command == "quit" { break }
            if command == "rss" {
                reply("rss \(ProcessMemory.peakResident ?? 0)")
                continue
            }
            guard words.count >= 2 else { reply("error: \(command) needs a row"); continue }
            do {
                switch command {
                case "run":
                    _ = OpProfile.report()   // reset: the report covers this run only
                    let time = try seconds { _ = try forward(words[1]) }
                    if OpProfile.isEnabled { FileHandle.standardError.write(Data(("kernel time of \(words[1]):\n" + OpProfile.report() + "\n").utf8)) }
                    reply(String(format: "time %.6f", time))
                case "dump" where words.count == 3:
                    let out = try forward(words[1])
                    try Data(bytes: out.pointer, count: out.count * 4).write(to: URL(fileURLWithPath: words[2]))
                    reply("ok")
                default:
                    reply("error: unknown command '\(line)'")
                }
            } catch {
                reply("error: \(error)")
            }
        }
    }

    private func reply(_ text: String) {
        print(text)
        fflush(stdout)
    }

    /// The loaded network as row → output.
    private func network() throws -> (String) throws -> Tensor {
        if checkpoint.architecture.family == .sdxl { return try sdxlNetwork() }
        switch component {
        case "unet":
            let unet = try UNetModel(weights: checkpoint.unet, config: checkpoint.unetConfig, precision: precision)
            let context = try inputs.tensor("context"), timesteps = try inputs.tensor("timesteps").values
            let x64 = try inputs.tensor("unet64_x"), x32 = try inputs.tensor("unet32_x")
            return { row in
                guard row == "unet64" || row == "unet32" else { throw BenchError("row \(row) is not a unet row") }
                return try unet(row == "unet64" ? x64 : x32, timesteps: timesteps, context: context)
            }
        case "vae":
            let vae = try VAEModel(weights: checkpoint.vae, config: checkpoint.vaeConfig, precision: precision)
            let latent = try inputs.tensor("vae_latent")
            return { row in
                guard row == "vae" else { throw BenchError("row \(row) is not a vae row") }
                return try vae.decode(latent)
            }
        case "text":
            let clip = try CLIPTextModel(weights: checkpoint.text, config: checkpoint.textConfig, precision: precision)
            let flat = try inputs.int64s("clip_ids")
            let ids = stride(from: 0, to: flat.count, by: 77).map { flat[$0..<$0 + 77].map { Int($0) } }
            return { row in
                guard row == "clip" else { throw BenchError("row \(row) is not a text row") }
                return try clip.encode(ids)
            }
        default:
            throw BenchError("--component: expected unet, vae or text, got '\(component)'")
        }
    }
}
