/// Sums over contiguous fp32 runs, accumulated in sixteen float lanes per block of 4096
/// elements and in Double across blocks, so long runs (a GroupNorm group holds up to
/// 10·64·64 values per image) keep float32 accuracy.
enum Reduction {
    /// Σ p[i] for i in 0..<n.
    @inline(__always)
    static func sum(_ p: UnsafePointer<Float>, _ n: Int) -> Double {
        var total = 0.0
        var start = 0
        while start < n {
            let end = min(n, start + 4096)
            var acc = Float16Lanes.zero
            var i = start
            while i + 16 <= end {
                acc += VectorMath.load(p + i)
                i += 16
            }
            if i < end { acc += VectorMath.loadPartial(p + i, end - i) }
            total += Double(acc.sum())
            start = end
        }
        return total
    }

    /// Σ (p[i] − mean)² for i in 0..<n.
    @inline(__always)
    static func squaredDeviation(_ p: UnsafePointer<Float>, _ n: Int, mean: Float) -> Double {
        var total = 0.0
        var start = 0
        let m = Float16Lanes(repeating: mean)
        while start < n {
            let end = min(n, start + 4096)
            var acc = Float16Lanes.zero
            var i = start
            while i + 16 <= end {
                let d = VectorMath.load(p + i) - m
                acc += d * d
                i += 16
            }
            if i < end {
                let d = VectorMath.loadPartial(p + i, end - i, fill: mean) - m
                acc += d * d
            }
            total += Double(acc.sum())
            start = end
        }
        return total
    }

    /// max p[i] for i in 0..<n (n > 0).
    @inline(__always)
    static func max(_ p: UnsafePointer<Float>, _ n: Int) -> Float {
        var acc = Float16Lanes(repeating: -.infinity)
        var i = 0
        while i + 16 <= n {
            acc = VectorMath.maximum(acc, VectorMath.load(p + i))
            i += 16
        }
        if i < n { acc = VectorMath.maximum(acc, VectorMath.loadPartial(p + i, n - i, fill: -.infinity)) }
        var m = acc[0]
        for lane in 1..<16 { m = Swift.max(m, acc[lane]) }
        return m
    }
}
