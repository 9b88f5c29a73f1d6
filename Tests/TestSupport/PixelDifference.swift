/// Per-pixel absolute differences of two equally sized 8-bit images (their RGB bytes), in
/// levels of 255: the measure of the fixtures' "2 levels max, 0.5 mean" tolerance.
public struct PixelDifference {
    public var max = 0
    public var mean = 0.0

    public init(_ a: [UInt8], _ b: [UInt8]) {
        precondition(a.count == b.count, "images of different sizes")
        var total = 0
        for (x, y) in zip(a, b) {
            let d = abs(Int(x) - Int(y))
            total += d
            max = Swift.max(max, d)
        }
        mean = Double(total) / Double(Swift.max(a.count, 1))
    }
}
