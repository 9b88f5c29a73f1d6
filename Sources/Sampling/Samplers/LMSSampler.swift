/// The coefficient of the derivative from `j` steps back in an `order`-step linear multistep
/// update from `t[i]` to `t[i+1]`: the integral of the Lagrange basis polynomial over the step.
///
/// Port of k-diffusion 0.1.1 `sampling.py` `linear_multistep_coeff(order, t, i, j)`:
/// `∫_{t[i]}^{t[i+1]} ∏_{k≠j} (τ − t[i−k]) / (t[i−j] − t[i−k]) dτ`, integrated here in float64
/// to about 1e-12 relative. (k-diffusion evaluates the integrand on the float32 sigma array;
/// under NumPy 2 that arithmetic is float32, which moves its coefficients by ~1e-7 relative.)
func linearMultistepCoefficient(order: Int, t: [Float], i: Int, j: Int) throws -> Double {
    guard order - 1 <= i else { throw SamplingError.lmsOrderTooHigh(order: order, step: i) }
    let basis: (Double) -> Double = { tau in
        var product = 1.0
        for k in 0..<order where k != j {
            product *= (tau - Double(t[i - k])) / (Double(t[i - j]) - Double(t[i - k]))
        }
        return product
    }
    return GaussKronrodQuadrature.integrate(basis, from: Double(t[i]), to: Double(t[i + 1]))
}

/// Linear multistep (Adams–Bashforth in σ, up to `order` past derivatives).
///
/// Port of k-diffusion 0.1.1 `sampling.py` `sample_lms` (order 4): the first steps use as many
/// past derivatives as exist, and the last step to σ = 0 is a multistep step too.
public func sampleLMS(_ denoise: Denoiser, x: [Float], sigmas: [Float],
                      noise: inout any NoiseSource, callback: SamplerCallback? = nil) throws -> [Float] {
    try sampleLMS(denoise, x: x, sigmas: sigmas, order: 4, callback: callback)
}

/// `sample_lms` with an explicit order (≥ 1).
func sampleLMS(_ denoise: Denoiser, x: [Float], sigmas: [Float], order: Int,
               callback: SamplerCallback? = nil) throws -> [Float] {
    var derivatives: [[Float]] = []  // oldest first, at most `order`
    return try sampleSteps(denoise, x: x, sigmas: sigmas, callback: callback) { i, x, denoised in
        derivatives.append(Elementwise.derivative(x: x, denoised: denoised, sigma: sigmas[i]))
        if derivatives.count > order { derivatives.removeFirst() }
        let currentOrder = min(i + 1, order)
        // `x + sum(coeff * d for coeff, d in zip(coeffs, reversed(ds)))`: sum first, then add.
        var update = [Float](repeating: 0, count: x.count)
        for (j, d) in derivatives.reversed().enumerated() {
            let coefficient = Float(try linearMultistepCoefficient(order: currentOrder, t: sigmas, i: i, j: j))
            update = Elementwise.step(update, along: d, by: coefficient)
        }
        return Elementwise.combine(x, update, +)
    }
}
