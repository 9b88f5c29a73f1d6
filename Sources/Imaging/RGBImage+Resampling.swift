extension RGBImage {
    /// The image resampled to `width × height` by area averaging (a box filter): each output pixel
    /// is the mean of the source area it covers, weighted by overlap. Downscaling averages whole
    /// blocks; upscaling repeats or blends neighbouring pixels. Same size returns `self`.
    /// Sizes below 1 give an empty image.
    public func resampled(width newWidth: Int, height newHeight: Int) -> RGBImage {
        if newWidth == width && newHeight == height { return self }
        guard newWidth > 0, newHeight > 0, !isEmpty else {
            return RGBImage(width: max(0, newWidth), height: max(0, newHeight))
        }
        let columnWeights = Self.boxWeights(from: width, to: newWidth)
        let rowWeights = Self.boxWeights(from: height, to: newHeight)

        // Horizontal pass: [height, newWidth, 3] floats.
        var wide = [Float](repeating: 0, count: height * newWidth * 3)
        for y in 0..<height {
            for (x, taps) in columnWeights.enumerated() {
                var sum: (Float, Float, Float) = (0, 0, 0)
                for (source, weight) in taps {
                    let offset = (y * width + source) * 3
                    sum.0 += weight * Float(pixels[offset])
                    sum.1 += weight * Float(pixels[offset + 1])
                    sum.2 += weight * Float(pixels[offset + 2])
                }
                let out = (y * newWidth + x) * 3
                wide[out] = sum.0; wide[out + 1] = sum.1; wide[out + 2] = sum.2
            }
        }
        // Vertical pass: [newHeight, newWidth, 3] bytes.
        var result = [UInt8](repeating: 0, count: newWidth * newHeight * 3)
        for (y, taps) in rowWeights.enumerated() {
            for x in 0..<newWidth {
                var sum: (Float, Float, Float) = (0, 0, 0)
                for (source, weight) in taps {
                    let offset = (source * newWidth + x) * 3
                    sum.0 += weight * wide[offset]
                    sum.1 += weight * wide[offset + 1]
                    sum.2 += weight * wide[offset + 2]
                }
                let out = (y * newWidth + x) * 3
                result[out] = Self.byte(sum.0)
                result[out + 1] = Self.byte(sum.1)
                result[out + 2] = Self.byte(sum.2)
            }
        }
        return RGBImage(validatedWidth: newWidth, height: newHeight, pixels: result)
    }

    /// For each of `count` output samples, the source samples it covers and their weights
    /// (overlap lengths normalised to sum to 1).
    private static func boxWeights(from sourceCount: Int, to count: Int) -> [[(Int, Float)]] {
        let scale = Double(sourceCount) / Double(count)
        return (0..<count).map { index in
            let start = Double(index) * scale
            let end = Double(index + 1) * scale
            var taps: [(Int, Float)] = []
            var source = Int(start)
            while Double(source) < end && source < sourceCount {
                let overlap = min(end, Double(source + 1)) - max(start, Double(source))
                if overlap > 1e-9 { taps.append((source, Float(overlap / scale))) }
                source += 1
            }
            return taps
        }
    }

    private static func byte(_ value: Float) -> UInt8 {
        UInt8(max(0, min(255, value.rounded())))
    }
}
