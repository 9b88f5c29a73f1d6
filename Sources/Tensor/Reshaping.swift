/// Copies that change layout: concatenation and nearest-neighbour upsampling.
extension Tensor {
    /// Concatenates along axis 0 (stacking batches) or axis 1: [B, C1, ...] and [B, C2, ...]
    /// give the UNet's skip connections (`torch.cat([h, hs.pop()], dim=1)`), and [B, T1, C]
    /// and [B, T2, C] join token sequences.
    public static func concatenate(_ parts: [Tensor], axis: Int = 1) -> Tensor {
        precondition((axis == 0 || axis == 1) && !parts.isEmpty, "concatenate supports axes 0 and 1")
        let first = parts[0]
        if axis == 0 {
            let rest = Array(first.shape.dropFirst())
            precondition(parts.allSatisfy { Array($0.shape.dropFirst()) == rest }, "concatenate: shapes differ")
            let out = Tensor(uninitialized: [parts.reduce(0) { $0 + $1.shape[0] }] + rest)
            var offset = 0
            for part in parts {
                (out.pointer + offset).update(from: part.pointer, count: part.count)
                offset += part.count
            }
            return out
        }
        let batch = first.shape[0]
        let tail = Array(first.shape.dropFirst(2))
        for part in parts {
            precondition(part.shape.count == first.shape.count && part.shape[0] == batch
                         && Array(part.shape.dropFirst(2)) == tail, "concatenate: \(part.shape) vs \(first.shape)")
        }
        let total = parts.reduce(0) { $0 + $1.shape[1] }
        let out = Tensor(uninitialized: [batch, total] + tail)
        let inner = tail.reduce(1, *)
        OpProfile.measure(.copy) {
            for b in 0..<batch {
                var offset = b * total * inner
                for part in parts {
                    let size = part.shape[1] * inner
                    (out.pointer + offset).update(from: part.pointer + b * size, count: size)
                    offset += size
                }
            }
        }
        return out
    }

    /// Nearest-neighbour ×2 upsampling of [B, C, H, W] to [B, C, 2H, 2W]
    /// (`F.interpolate(x, scale_factor=2.0, mode="nearest")`).
    public func upsampledNearest2x() -> Tensor {
        upsampledNearest(height: shape[2] * 2, width: shape[3] * 2)
    }

    /// Nearest-neighbour resize of [B, C, H, W] to [B, C, height, width]: output pixel (y, x)
    /// copies input (⌊y·H/height⌋, ⌊x·W/width⌋). Reference: PyTorch
    /// `F.interpolate(x, size=..., mode="nearest")` (diffusers passes the skip connection's size
    /// this way in `Upsample2D` so odd latent sizes line up).
    public func upsampledNearest(height: Int, width: Int) -> Tensor {
        let (planes, inHeight, inWidth) = (shape[0] * shape[1], shape[2], shape[3])
        let out = Tensor(uninitialized: [shape[0], shape[1], height, width])
        let src = pointer, dst = out.pointer
        let columns = (0..<width).map { x in min(inWidth - 1, Int(Float(x) * (Float(inWidth) / Float(width)))) }
        let doubling = height == 2 * inHeight && width == 2 * inWidth
        OpProfile.measure(.copy) {
            Parallel.forEachRange(planes * height, floatsPerItem: width) { range in
                columns.withUnsafeBufferPointer { columns in
                    for line in range {
                        let plane = line / height, y = line % height
                        let sourceRow = doubling ? y / 2 : min(inHeight - 1, Int(Float(y) * (Float(inHeight) / Float(height))))
                        let from = src + (plane * inHeight + sourceRow) * inWidth
                        let to = dst + line * width
                        for x in 0..<width { to[x] = from[columns[x]] }
                    }
                }
            }
        }
        return out
    }
}
