import Foundation
import Tensor

/// Sinusoidal timestep features followed by the UNet's time MLP (Linear, SiLU, Linear).
/// Weights `time_embed.0` and `time_embed.2`.
struct TimestepEmbedding {
    let linear1: LinearLayer, linear2: LinearLayer
    let channels: Int

    init(_ w: WeightScope, modelChannels: Int) throws {
        channels = modelChannels
        linear1 = try LinearLayer(w.child("0"), in: modelChannels, out: 4 * modelChannels)
        linear2 = try LinearLayer(w.child("2"), in: 4 * modelChannels, out: 4 * modelChannels)
    }

    /// Features [B, dim] for (possibly fractional) timesteps: cos(t·fᵢ) then sin(t·fᵢ) with
    /// fᵢ = exp(−ln(10000)·i/half), computed in fp32 as PyTorch does. Reference: LDM
    /// `ldm/modules/diffusionmodules/util.py`, `timestep_embedding` (cos first; diffusers
    /// `get_timestep_embedding` with flip_sin_to_cos=True, downscale_freq_shift=0 is the same).
    static func sinusoid(_ timesteps: [Float], dim: Int) -> Tensor {
        let half = dim / 2
        let logPeriod = Float(-Foundation.log(10000.0))
        let freqs = (0..<half).map { Foundation.exp(logPeriod * Float($0) / Float(half)) }
        var values = [Float](repeating: 0, count: timesteps.count * dim)
        for (b, t) in timesteps.enumerated() {
            for i in 0..<half {
                let arg = t * freqs[i]
                values[b * dim + i] = Foundation.cos(arg)
                values[b * dim + half + i] = Foundation.sin(arg)
            }
        }
        return Tensor(shape: [timesteps.count, dim], values: values)
    }

    /// timesteps → embedding [B, 4·model channels].
    func callAsFunction(_ timesteps: [Float]) -> Tensor {
        let features = TimestepEmbedding.sinusoid(timesteps, dim: channels)   // [B, C]
        let hidden = linear1(features).applying(.silu)                         // [B, 4C]
        return linear2(hidden)                                                 // [B, 4C]
    }
}
