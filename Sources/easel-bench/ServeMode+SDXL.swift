import Models
import Tensor

/// `easel-bench --serve` on an SDXL checkpoint (`tools/bench/sdxl_compare.py`): rows unet128 and
/// unet96 (batch 2, with `y`), clip2 (CLIP-L and bigG on batch 2 × 77: both penultimate hidden
/// states without the final LayerNorm and bigG's pooled projection, as `SDXLConditioner` asks
/// for them) and vae1024 (decode of a 128 × 128 latent, always fp32 as SDXL's VAE needs).
/// Inputs come from `sdxl-inputs.safetensors` (`tools/bench/make_sdxl_checkpoint.py`).
extension ServeMode {
    func sdxlNetwork() throws -> (String) throws -> Tensor {
        switch component {
        case "unet":
            let unet = try UNetModel(weights: checkpoint.unet, config: checkpoint.unetConfig, precision: precision)
            let context = try inputs.tensor("context"), y = try inputs.tensor("y")   // [2, 77, 2048], [2, 2816]
            let timesteps = try inputs.tensor("timesteps").values
            let x = ["unet128": try inputs.tensor("unet128_x"), "unet96": try inputs.tensor("unet96_x")]
            return { row in
                guard let input = x[row] else { throw BenchError("row \(row) is not an SDXL unet row") }
                return try unet(input, timesteps: timesteps, context: context, y: y)    // [2, 4, H, W]
            }
        case "vae":
            let fp32 = checkpoint.architecture.vaeNeedsFP32 ? Precision.fp32 : precision
            let vae = try VAEModel(weights: checkpoint.vae, config: checkpoint.vaeConfig, precision: fp32)
            let latent = try inputs.tensor("vae_latent")                              // [1, 4, 128, 128]
            return { row in
                guard row == "vae1024" else { throw BenchError("row \(row) is not an SDXL vae row") }
                return try vae.decode(latent)                                         // [1, 3, 1024, 1024]
            }
        case "text":
            let configs = checkpoint.architecture.textEncoders
            let clipL = try CLIPTextModel(weights: checkpoint.textWeights(0), config: configs[0], precision: precision)
            let bigG = try CLIPTextModel(weights: checkpoint.textWeights(1), config: configs[1], precision: precision)
            let flat = try inputs.int64s("clip_ids")
            let ids = stride(from: 0, to: flat.count, by: 77).map { flat[$0..<$0 + 77].map { Int($0) } }
            return { row in
                guard row == "clip2" else { throw BenchError("row \(row) is not an SDXL text row") }
                let l = try clipL.run(ids, hiddenStateFromEnd: 2, finalLayerNorm: false, pooled: false)
                let g = try bigG.run(ids.map(SDXLConditioner.bigGIDs), hiddenStateFromEnd: 2, finalLayerNorm: false,
                                     pooled: true)
                // [2·77·768 | 2·77·1280 | 2·1280]: the order torch_worker.py dumps them in.
                return Tensor(shape: [l.hidden.count + g.hidden.count + g.pooled!.count],
                              values: l.hidden.values + g.hidden.values + g.pooled!.values)
            }
        default:
            throw BenchError("--component: expected unet, vae or text, got '\(component)'")
        }
    }
}
