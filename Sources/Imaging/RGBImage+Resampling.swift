extension RGBImage {
    /// The image resampled to `width × height` by area averaging (a box filter): each output pixel
    /// is the mean of the source area it covers, weighted by overlap. Downscaling averages whole
    /// blocks; upscaling by whole factors repeats pixels. Same size returns `self`.
    /// Sizes below 1 give an empty image.
    public func resampled(width newWidth: Int, height newHeight: Int) -> RGBImage {
        if newWidth == width && newHeight == height { return self }
        guard newWidth > 0, newHeight > 0, !isEmpty else {
            return RGBImage(width: max(0, newWidth), height: max(0, newHeight))
        }
        let columns = BoxTaps(from: width, to: newWidth)
        let rows = BoxTaps(from: height, to: newHeight)
        let rowLength = newWidth * 3
        var wide = [Float](repeating: 0, count: height * rowLength)       // [height, newWidth, 3]
        var result = [UInt8](repeating: 0, count: newHeight * rowLength)  // [newHeight, newWidth, 3]
        var sum = [Float](repeating: 0, count: rowLength)                 // one output row
        pixels.withUnsafeBufferPointer { source in
            wide.withUnsafeMutableBufferPointer { wide in
                // Horizontal pass: each output column mixes a run of source columns.
                for y in 0..<height {
                    let sourceRow = y * width * 3, wideRow = y * rowLength
                    for x in 0..<newWidth {
                        var r: Float = 0, g: Float = 0, b: Float = 0
                        for tap in columns.taps(of: x) {
                            let offset = sourceRow + columns.sources[tap] * 3, weight = columns.weights[tap]
                            r += weight * Float(source[offset])
                            g += weight * Float(source[offset + 1])
                            b += weight * Float(source[offset + 2])
                        }
                        wide[wideRow + x * 3] = r
                        wide[wideRow + x * 3 + 1] = g
                        wide[wideRow + x * 3 + 2] = b
                    }
                }
            }
        }
        wide.withUnsafeBufferPointer { wide in
            result.withUnsafeMutableBufferPointer { result in
                sum.withUnsafeMutableBufferPointer { sum in
                    // Vertical pass: each output row mixes a run of horizontally resampled rows.
                    for y in 0..<newHeight {
                        for i in 0..<rowLength { sum[i] = 0 }
                        for tap in rows.taps(of: y) {
                            let inRow = rows.sources[tap] * rowLength, weight = rows.weights[tap]
                            for i in 0..<rowLength { sum[i] += weight * wide[inRow + i] }
                        }
                        let outRow = y * rowLength
                        for i in 0..<rowLength { result[outRow + i] = UInt8(max(0, min(255, sum[i].rounded()))) }
                    }
                }
            }
        }
        return RGBImage(validatedWidth: newWidth, height: newHeight, pixels: result)
    }
}

/// For each of `count` output samples, the source samples it covers and their weights (overlap
/// lengths normalised to sum to 1), stored flat: output `i` uses taps `starts[i] ..< starts[i+1]`.
private struct BoxTaps {
    var starts: [Int] = [0]
    var sources: [Int] = []
    var weights: [Float] = []

    init(from sourceCount: Int, to count: Int) {
        let scale = Double(sourceCount) / Double(count)
        for index in 0..<count {
            let start = Double(index) * scale, end = Double(index + 1) * scale
            var source = Int(start)
            while Double(source) < end && source < sourceCount {
                let overlap = min(end, Double(source + 1)) - max(start, Double(source))
                if overlap > 1e-9 {
                    sources.append(source)
                    weights.append(Float(overlap / scale))
                }
                source += 1
            }
            starts.append(sources.count)
        }
    }

    func taps(of index: Int) -> Range<Int> { starts[index]..<starts[index + 1] }
}
