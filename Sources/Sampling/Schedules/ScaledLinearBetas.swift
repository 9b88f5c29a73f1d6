import Foundation

/// Stable Diffusion's training noise schedule.
///
/// Port of CompVis `ldm/modules/diffusionmodules/util.py` `make_beta_schedule("linear")` as used
/// by SD 1.x/2.x: `betas = linspace(start^0.5, end^0.5, n, float64)^2`, then
/// `alphas_cumprod = cumprod(1 − betas)` in float64, stored as float32 (the `alphas_cumprod`
/// tensor real checkpoints carry; this reproduces it bit for bit).
public enum ScaledLinearBetas {
    public static let stableDiffusionBetaStart = 0.00085
    public static let stableDiffusionBetaEnd = 0.012
    public static let stableDiffusionTimesteps = 1000

    /// `alphas_cumprod` for `count` steps of scaled-linear betas from `betaStart` to `betaEnd`.
    public static func alphasCumprod(betaStart: Double = stableDiffusionBetaStart,
                                     betaEnd: Double = stableDiffusionBetaEnd,
                                     count: Int = stableDiffusionTimesteps) -> [Float] {
        alphasCumprod64(betaStart: betaStart, betaEnd: betaEnd, count: count).map { Float($0) }
    }

    /// The same in float64, before the float32 rounding (ComfyUI `make_beta_schedule` keeps
    /// these for `ModelSamplingDiscreteDistilled`'s table).
    public static func alphasCumprod64(betaStart: Double = stableDiffusionBetaStart,
                                       betaEnd: Double = stableDiffusionBetaEnd,
                                       count: Int = stableDiffusionTimesteps) -> [Double] {
        let rootStart = betaStart.squareRoot(), rootEnd = betaEnd.squareRoot()
        var product = 1.0
        return (0..<count).map { i in
            let root = linspaceElement(rootStart, rootEnd, count: count, index: i)
            product *= 1 - root * root
            return product
        }
    }

    /// Element `index` of numpy/torch `linspace(start, end, count)` in float64:
    /// `start + index·step` in the first half, `end − (count−1−index)·step` in the second
    /// (torch's CPU `linspace` kernel; numpy differs by at most an ulp).
    static func linspaceElement(_ start: Double, _ end: Double, count: Int, index: Int) -> Double {
        guard count > 1 else { return start }
        let step = (end - start) / Double(count - 1)
        return index < count / 2 ? start + step * Double(index) : end - step * Double(count - 1 - index)
    }
}
