import Foundation

/// The `karras` schedule: sigma evenly spaced in σ^(1/ρ) from σmax to σmin, then 0.
///
/// Port of k-diffusion 0.1.1 `sampling.py` `get_sigmas_karras(n, sigma_min, sigma_max, rho=7)`
/// (Karras et al. 2022, eq. 5): `(max^(1/ρ) + ramp·(min^(1/ρ) − max^(1/ρ)))^ρ` with
/// `ramp = linspace(0, 1, n)`. A1111 and ComfyUI pass the model's own σmin and σmax.
public func karrasSigmas(steps: Int, sigmaMin: Double, sigmaMax: Double, rho: Double = 7) -> [Float] {
    let minInvRho = pow(sigmaMin, 1 / rho), maxInvRho = pow(sigmaMax, 1 / rho)
    return (0..<steps).map { i in
        let ramp = ScaledLinearBetas.linspaceElement(0, 1, count: steps, index: i)
        return Float(pow(maxInvRho + ramp * (minInvRho - maxInvRho), rho))
    } + [0]
}
