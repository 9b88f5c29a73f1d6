extension RGBImage {
    /// Quantises one VAE decoder output value to a byte: `round(clamp((x + 1) / 2, 0, 1) · 255)`,
    /// rounding halves to even as `torch.round` does. The arithmetic is done in `Float` in the same
    /// order as the reference, so results match torch's float32 pipeline bit for bit.
    /// NaN maps to 0.
    ///
    /// Reference: the fixtures' README (`tiny-sd15-reference`, step 5 "Decode"), which follows
    /// diffusers' `VaeImageProcessor.denormalize` (`(images / 2 + 0.5).clamp(0, 1)`) and then rounds.
    @inlinable
    public static func quantise(_ x: Float) -> UInt8 {
        let unit = (x + 1) / 2
        guard unit > 0 else { return 0 }        // also catches NaN
        guard unit < 1 else { return 255 }
        return UInt8((unit * 255).rounded(.toNearestOrEven))
    }

    /// An image from a channels-first float tensor `[3, height, width]` with values in [-1, 1]
    /// (the VAE decoder's output for one image), quantised with ``quantise(_:)``.
    ///
    /// Throws when `values.count != 3 · height · width`.
    public init<Values: Collection>(channelsFirst values: Values, width: Int, height: Int) throws
    where Values.Element == Float {
        let plane = width * height
        guard width >= 0, height >= 0, values.count == 3 * plane else {
            throw ImageFileError(path: "<memory>",
                                 reason: "\(values.count) values do not make a [3, \(height), \(width)] image tensor")
        }
        var pixels = [UInt8](repeating: 0, count: 3 * plane)
        let done: Void? = values.withContiguousStorageIfAvailable { planes in
            Self.interleave(planes, into: &pixels, plane: plane)
        }
        if done == nil {
            let copy = Array(values)
            copy.withUnsafeBufferPointer { Self.interleave($0, into: &pixels, plane: plane) }
        }
        try self.init(width: width, height: height, pixels: pixels)
    }

    /// `[3, H, W]` planes → `[H, W, 3]` bytes.
    private static func interleave(_ planes: UnsafeBufferPointer<Float>, into pixels: inout [UInt8], plane: Int) {
        for channel in 0..<3 {
            let base = channel * plane
            for index in 0..<plane {
                pixels[index * 3 + channel] = quantise(planes[base + index])
            }
        }
    }
}
