import Foundation
@testable import Sampling

/// The exact denoiser for data distributed N(μ, s²) independently per element:
/// `D(x, σ) = (s²·x + σ²·μ) / (s² + σ²)` (the posterior mean of the clean value given x = y + σ·n).
/// Its probability-flow ODE `dx/dσ = (x − D)/σ = σ(x − μ)/(s² + σ²)` has the closed-form
/// solution `x(σ) = μ + (x(σ₀) − μ)·√(s² + σ²)/√(s² + σ₀²)`.
struct GaussianDenoiser {
    let means: [Double]
    let spread: Double

    func callAsFunction(_ x: Double, sigma: Double, element: Int) -> Double {
        (spread * spread * x + sigma * sigma * means[element]) / (spread * spread + sigma * sigma)
    }

    /// The sampler-facing closure (computed in float64, returned as Float).
    var denoiser: Denoiser {
        { x, sigma in
            x.enumerated().map { Float(self(Double($1), sigma: Double(sigma), element: $0)) }
        }
    }

    /// The exact ODE solution at `sigma` from `x0` at `sigma0`.
    func odeSolution(from x0: Double, at sigma0: Double, to sigma: Double, element: Int) -> Double {
        let s2 = spread * spread
        return means[element] + (x0 - means[element]) * ((s2 + sigma * sigma) / (s2 + sigma0 * sigma0)).squareRoot()
    }
}

/// A noise source that replays a fixed list of values (cycling) and counts its calls.
struct ScriptedNoise: NoiseSource {
    let values: [Float]
    private(set) var position = 0
    private(set) var calls = 0

    init(_ values: [Float]) { self.values = values }

    mutating func randn(_ count: Int) -> [Float] {
        defer { position += count; calls += 1 }
        return (0..<count).map { values[(position + $0) % values.count] }
    }

    /// What element `element` of call `call` receives when every call asks for `count` values.
    func value(call: Int, element: Int, count: Int) -> Double {
        Double(values[(call * count + element) % values.count])
    }
}
