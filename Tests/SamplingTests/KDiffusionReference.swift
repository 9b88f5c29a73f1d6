import Foundation

/// Scalar float64 transcriptions of k-diffusion 0.1.1 `k_diffusion/sampling.py`, one sample
/// element at a time, used as the independent reference for the Float samplers. Each follows
/// the Python function named in its comment line by line (default arguments: s_churn 0,
/// eta 1, s_noise 1, r ½, solver_type "midpoint"). `noise(c)` is the value the c-th
/// `randn_like` / noise-sampler call gives this element.
enum KDiffusionReference {
    typealias Denoise = (_ x: Double, _ sigma: Double) -> Double
    typealias Noise = (_ call: Int) -> Double

    /// `get_ancestral_step(sigma_from, sigma_to, eta=1)`.
    static func ancestral(_ from: Double, _ to: Double) -> (down: Double, up: Double) {
        let up = min(to, (to * to * (from * from - to * to) / (from * from)).squareRoot())
        return ((to * to - up * up).squareRoot(), up)
    }

    /// `sample_euler`.
    static func euler(_ model: Denoise, _ x0: Double, _ sigmas: [Double]) -> Double {
        var x = x0
        for i in 0..<(sigmas.count - 1) {
            let d = (x - model(x, sigmas[i])) / sigmas[i]
            x = x + d * (sigmas[i + 1] - sigmas[i])
        }
        return x
    }

    /// `sample_euler_ancestral`.
    static func eulerAncestral(_ model: Denoise, _ x0: Double, _ sigmas: [Double], _ noise: Noise) -> Double {
        var x = x0, calls = 0
        for i in 0..<(sigmas.count - 1) {
            let denoised = model(x, sigmas[i])
            let (down, up) = ancestral(sigmas[i], sigmas[i + 1])
            x = x + (x - denoised) / sigmas[i] * (down - sigmas[i])
            if sigmas[i + 1] > 0 { x = x + noise(calls) * up; calls += 1 }
        }
        return x
    }

    /// `sample_heun`.
    static func heun(_ model: Denoise, _ x0: Double, _ sigmas: [Double]) -> Double {
        var x = x0
        for i in 0..<(sigmas.count - 1) {
            let d = (x - model(x, sigmas[i])) / sigmas[i]
            let dt = sigmas[i + 1] - sigmas[i]
            if sigmas[i + 1] == 0 {
                x = x + d * dt
            } else {
                let x2 = x + d * dt
                let d2 = (x2 - model(x2, sigmas[i + 1])) / sigmas[i + 1]
                x = x + (d + d2) / 2 * dt
            }
        }
        return x
    }

    /// `sample_dpm_2`.
    static func dpm2(_ model: Denoise, _ x0: Double, _ sigmas: [Double]) -> Double {
        var x = x0
        for i in 0..<(sigmas.count - 1) {
            let d = (x - model(x, sigmas[i])) / sigmas[i]
            if sigmas[i + 1] == 0 {
                x = x + d * (sigmas[i + 1] - sigmas[i])
            } else {
                let mid = exp((log(sigmas[i]) + log(sigmas[i + 1])) / 2)
                let x2 = x + d * (mid - sigmas[i])
                let d2 = (x2 - model(x2, mid)) / mid
                x = x + d2 * (sigmas[i + 1] - sigmas[i])
            }
        }
        return x
    }

    /// `sample_dpm_2_ancestral`.
    static func dpm2Ancestral(_ model: Denoise, _ x0: Double, _ sigmas: [Double], _ noise: Noise) -> Double {
        var x = x0, calls = 0
        for i in 0..<(sigmas.count - 1) {
            let d = (x - model(x, sigmas[i])) / sigmas[i]
            let (down, up) = ancestral(sigmas[i], sigmas[i + 1])
            if down == 0 {
                x = x + d * (down - sigmas[i])
            } else {
                let mid = exp((log(sigmas[i]) + log(down)) / 2)
                let x2 = x + d * (mid - sigmas[i])
                let d2 = (x2 - model(x2, mid)) / mid
                x = x + d2 * (down - sigmas[i])
                x = x + noise(calls) * up; calls += 1
            }
        }
        return x
    }

    /// `sample_lms` (order 4) with `linear_multistep_coeff` integrated in closed form: the
    /// Lagrange basis is a polynomial of degree < 4, expanded by repeated multiplication and
    /// integrated term by term.
    static func lms(_ model: Denoise, _ x0: Double, _ sigmas: [Double], order: Int = 4) -> Double {
        var x = x0
        var ds: [Double] = []
        for i in 0..<(sigmas.count - 1) {
            ds.append((x - model(x, sigmas[i])) / sigmas[i])
            if ds.count > order { ds.removeFirst() }
            let current = min(i + 1, order)
            for (j, d) in ds.reversed().enumerated() {
                x += lagrangeIntegral(order: current, t: sigmas, i: i, j: j) * d
            }
        }
        return x
    }

    /// ∫_{t[i]}^{t[i+1]} ∏_{k≠j} (τ − t[i−k]) / (t[i−j] − t[i−k]) dτ, exactly.
    static func lagrangeIntegral(order: Int, t: [Double], i: Int, j: Int) -> Double {
        var poly: [Double] = [1]  // coefficients of τ⁰, τ¹, …
        for k in 0..<order where k != j {
            let root = t[i - k], scale = 1 / (t[i - j] - t[i - k])
            var next = [Double](repeating: 0, count: poly.count + 1)
            for (p, c) in poly.enumerated() {
                next[p + 1] += c * scale
                next[p] -= c * root * scale
            }
            poly = next
        }
        func antiderivative(_ tau: Double) -> Double {
            poly.enumerated().reduce(0) { $0 + $1.element * pow(tau, Double($1.offset + 1)) / Double($1.offset + 1) }
        }
        return antiderivative(t[i + 1]) - antiderivative(t[i])
    }

    /// `sample_dpmpp_2s_ancestral`.
    static func dpmpp2SAncestral(_ model: Denoise, _ x0: Double, _ sigmas: [Double], _ noise: Noise) -> Double {
        var x = x0, calls = 0
        for i in 0..<(sigmas.count - 1) {
            let denoised = model(x, sigmas[i])
            let (down, up) = ancestral(sigmas[i], sigmas[i + 1])
            if down == 0 {
                x = x + (x - denoised) / sigmas[i] * (down - sigmas[i])
            } else {
                let t = -log(sigmas[i]), tNext = -log(down)
                let h = tNext - t, s = t + h / 2
                let x2 = exp(-s) / exp(-t) * x - expm1(-h / 2) * denoised
                let denoised2 = model(x2, exp(-s))
                x = exp(-tNext) / exp(-t) * x - expm1(-h) * denoised2
            }
            if sigmas[i + 1] > 0 { x = x + noise(calls) * up; calls += 1 }
        }
        return x
    }

    /// `sample_dpmpp_sde`, with the noise sampler's draws taken from `noise` in call order.
    static func dpmppSDE(_ model: Denoise, _ x0: Double, _ sigmas: [Double], _ noise: Noise) -> Double {
        var x = x0, calls = 0
        for i in 0..<(sigmas.count - 1) {
            let denoised = model(x, sigmas[i])
            if sigmas[i + 1] == 0 {
                x = x + (x - denoised) / sigmas[i] * (sigmas[i + 1] - sigmas[i])
                continue
            }
            let t = -log(sigmas[i]), tNext = -log(sigmas[i + 1])
            let h = tNext - t, s = t + h / 2, fac = 1.0
            var (sd, su) = ancestral(exp(-t), exp(-s))
            let s_ = -log(sd)
            var x2 = exp(-s_) / exp(-t) * x - expm1(t - s_) * denoised
            x2 = x2 + noise(calls) * su; calls += 1
            let denoised2 = model(x2, exp(-s))
            (sd, su) = ancestral(exp(-t), exp(-tNext))
            let tNext_ = -log(sd)
            let denoisedD = (1 - fac) * denoised + fac * denoised2
            x = exp(-tNext_) / exp(-t) * x - expm1(t - tNext_) * denoisedD
            x = x + noise(calls) * su; calls += 1
        }
        return x
    }

    /// `sample_dpmpp_2m`.
    static func dpmpp2M(_ model: Denoise, _ x0: Double, _ sigmas: [Double]) -> Double {
        var x = x0
        var oldDenoised: Double?
        for i in 0..<(sigmas.count - 1) {
            let denoised = model(x, sigmas[i])
            let t = -log(sigmas[i]), tNext = -log(sigmas[i + 1])
            let h = tNext - t
            if let old = oldDenoised, sigmas[i + 1] != 0 {
                let r = (t - -log(sigmas[i - 1])) / h
                let denoisedD = (1 + 1 / (2 * r)) * denoised - (1 / (2 * r)) * old
                x = exp(-tNext) / exp(-t) * x - expm1(-h) * denoisedD
            } else {
                x = exp(-tNext) / exp(-t) * x - expm1(-h) * denoised
            }
            oldDenoised = denoised
        }
        return x
    }

    /// `sample_dpmpp_2m_sde` (midpoint), with the noise sampler's draws taken from `noise`.
    static func dpmpp2MSDE(_ model: Denoise, _ x0: Double, _ sigmas: [Double], _ noise: Noise) -> Double {
        var x = x0, calls = 0
        var oldDenoised: Double?, hLast: Double?
        for i in 0..<(sigmas.count - 1) {
            let denoised = model(x, sigmas[i])
            if sigmas[i + 1] == 0 {
                x = denoised
            } else {
                let t = -log(sigmas[i]), s = -log(sigmas[i + 1])
                let h = s - t, etaH = h
                x = sigmas[i + 1] / sigmas[i] * exp(-etaH) * x + -expm1(-h - etaH) * denoised
                if let old = oldDenoised, let hLast {
                    let r = hLast / h
                    x = x + 0.5 * -expm1(-h - etaH) * (1 / r) * (denoised - old)
                }
                x = x + noise(calls) * sigmas[i + 1] * (-expm1(-2 * etaH)).squareRoot(); calls += 1
                hLast = h
            }
            oldDenoised = denoised
        }
        return x
    }
}
