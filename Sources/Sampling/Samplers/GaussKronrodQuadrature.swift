/// Adaptive Gauss–Kronrod (7/15-point) integration of a smooth function over [a, b].
///
/// The 15-point Kronrod rule is exact for polynomials up to degree 22 and the embedded 7-point
/// Gauss rule up to degree 13; their difference estimates the error, and intervals whose
/// estimate exceeds their share of the tolerance are bisected (QUADPACK `qk15` nodes and
/// weights; Piessens et al., *QUADPACK*, 1983). This stands in for SciPy's `integrate.quad`,
/// which k-diffusion's `linear_multistep_coeff` calls.
enum GaussKronrodQuadrature {
    /// Kronrod abscissae on [−1, 1], non-negative half, descending; odd indices are the Gauss nodes.
    private static let nodes: [Double] = [
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.000000000000000000000000000000000,
    ]
    /// Kronrod weights for `nodes`.
    private static let kronrodWeights: [Double] = [
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
    ]
    /// 7-point Gauss weights for `nodes[1]`, `nodes[3]`, `nodes[5]`, `nodes[7]`.
    private static let gaussWeights: [Double] = [
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327,
    ]

    /// ∫ₐᵇ f, to a relative error of about `relativeTolerance` (absolute `absoluteTolerance` for
    /// integrals near 0), bisecting at most `maxDepth` times along any path.
    static func integrate(_ f: (Double) -> Double, from a: Double, to b: Double,
                          relativeTolerance: Double = 1e-12, absoluteTolerance: Double = 1e-15,
                          maxDepth: Int = 40) -> Double {
        let whole = rule(f, a, b)
        let tolerance = max(absoluteTolerance, relativeTolerance * abs(whole.kronrod))
        return refine(f, a, b, whole, tolerance: tolerance, depth: maxDepth)
    }

    private static func refine(_ f: (Double) -> Double, _ a: Double, _ b: Double,
                               _ estimate: (kronrod: Double, error: Double),
                               tolerance: Double, depth: Int) -> Double {
        if estimate.error <= tolerance || depth == 0 { return estimate.kronrod }
        let mid = 0.5 * (a + b)
        let left = rule(f, a, mid), right = rule(f, mid, b)
        return refine(f, a, mid, left, tolerance: tolerance / 2, depth: depth - 1)
            + refine(f, mid, b, right, tolerance: tolerance / 2, depth: depth - 1)
    }

    /// The 15-point Kronrod value on [a, b] and |Kronrod − Gauss| as its error estimate.
    private static func rule(_ f: (Double) -> Double, _ a: Double, _ b: Double) -> (kronrod: Double, error: Double) {
        let center = 0.5 * (a + b), halfWidth = 0.5 * (b - a)
        let fCenter = f(center)
        var kronrod = fCenter * kronrodWeights[7]
        var gauss = fCenter * gaussWeights[3]
        for k in 0..<7 {
            let offset = halfWidth * nodes[k]
            let pair = f(center - offset) + f(center + offset)
            kronrod += kronrodWeights[k] * pair
            if k % 2 == 1 { gauss += gaussWeights[k / 2] * pair }
        }
        return (kronrod * halfWidth, abs((kronrod - gauss) * halfWidth))
    }
}
