import Foundation

/// The "trailing" timestep spacing of SDXL-Turbo and SDXL-Lightning: `steps` integer
/// timesteps counted back from the end in equal strides, mapped to sigma, then 0.
///
/// Port of diffusers `schedulers/scheduling_euler_discrete.py` `EulerDiscreteScheduler.set_timesteps`
/// with `timestep_spacing == "trailing"`: `timesteps = round(arange(T, 0, −T/n)) − 1`
/// (T = 1000 for SD: 999, 749, 499, 249 at n = 4), each mapped by the log-sigma interpolation
/// (exact at integer t), then 0.
public func trailingSigmas(steps: Int, model: DiscreteSigmas) -> [Float] {
    let count = Double(model.maxTimestep + 1)
    let stride = count / Double(steps)
    return (0..<steps).map { i in
        let t = (count - Double(i) * stride).rounded(.toNearestOrEven) - 1
        return Float(model.tToSigma(t))
    } + [0]
}
