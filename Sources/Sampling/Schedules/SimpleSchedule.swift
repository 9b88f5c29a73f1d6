/// The `simple` schedule: every (len/steps)-th trained sigma, from the top down, then 0.
///
/// Port of ComfyUI `comfy/samplers.py` `simple_scheduler(model_sampling, steps)`:
/// `ss = len(sigmas) / steps`; `sigmas[-(1 + int(x·ss))]` for x in 0..<steps; then 0.
public func simpleSigmas(steps: Int, model: DiscreteSigmas) -> [Float] {
    let stride = Double(model.sigmas.count) / Double(steps)
    return (0..<steps).map { x in
        Float(model.sigmas[model.sigmas.count - 1 - Int(Double(x) * stride)])
    } + [0]
}
