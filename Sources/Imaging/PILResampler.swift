import Foundation

/// Pillow's `Image.resize` for 8-bit images: a separable convolution whose filter support
/// widens with the downscale factor (so downscaling is antialiased), horizontal pass first,
/// each pass rounded back to 8 bits, with Pillow's fixed-point coefficients.
///
/// Port of Pillow `src/libImaging/Resample.c`: `precompute_coeffs` (centre `(x + 0.5)·scale`,
/// support `filter.support · max(scale, 1)`, weights normalised to sum 1),
/// `normalize_coeffs_8bpc` (22 fractional bits, rounded away from zero), `ImagingResampleHorizontal_8bpc`
/// / `…Vertical_8bpc` (start at ½, shift right, clip to 0…255) and `ImagingResampleInner`
/// (horizontal, then vertical). Filters: `bicubic_filter` (a = −0.5, support 2) and
/// `lanczos_filter` (a = 3, support 3).
public enum PILResampler {
    public enum Filter: Sendable {
        case bicubic, lanczos

        var support: Double { self == .bicubic ? 2 : 3 }

        func weight(_ x: Double) -> Double {
            switch self {
            case .bicubic:
                let a = -0.5, x = abs(x)
                if x < 1 { return ((a + 2) * x - (a + 3)) * x * x + 1 }
                if x < 2 { return (((x - 5) * x + 8) * x - 4) * a }
                return 0
            case .lanczos:
                guard x > -3, x < 3 else { return 0 }
                return Self.sinc(x) * Self.sinc(x / 3)
            }
        }

        private static func sinc(_ x: Double) -> Double {
            if x == 0 { return 1 }
            return sin(x * .pi) / (x * .pi)
        }
    }

    static let precisionBits = 32 - 8 - 2

    /// Interleaved 8-bit samples (`channels` per pixel) resized from `width × height`.
    static func resize(_ pixels: [UInt8], channels: Int, width: Int, height: Int,
                       to newWidth: Int, _ newHeight: Int, filter: Filter) -> [UInt8] {
        var data = pixels, w = width
        if newWidth != width {
            data = pass(data, channels: channels, lines: height, from: width, to: newWidth, horizontal: true, filter: filter)
            w = newWidth
        }
        if newHeight != height {
            data = pass(data, channels: channels, lines: w, from: height, to: newHeight, horizontal: false, filter: filter)
        }
        return data
    }

    /// One direction: each of `lines` rows (or columns) of `from` samples becomes `to` samples.
    private static func pass(_ src: [UInt8], channels: Int, lines: Int, from: Int, to: Int, horizontal: Bool,
                             filter: Filter) -> [UInt8] {
        let (bounds, weights) = coefficients(from: from, to: to, filter: filter)
        var out = [UInt8](repeating: 0, count: lines * to * channels)
        let half = 1 << (precisionBits - 1)
        for line in 0..<lines {
            for i in 0..<to {
                let (start, count) = bounds[i]
                for c in 0..<channels {
                    var sum = half
                    for k in 0..<count {
                        let s = start + k
                        let index = horizontal ? (line * from + s) * channels + c : (s * lines + line) * channels + c
                        sum += Int(src[index]) * weights[i][k]
                    }
                    let value = UInt8(clamping: max(0, min(255, sum >> precisionBits)))
                    out[horizontal ? (line * to + i) * channels + c : (i * lines + line) * channels + c] = value
                }
            }
        }
        return out
    }

    /// `precompute_coeffs` + `normalize_coeffs_8bpc`: per output sample, the first source
    /// sample and the count, and the fixed-point weights.
    static func coefficients(from inSize: Int, to outSize: Int, filter: Filter) -> ([(Int, Int)], [[Int]]) {
        let scale = Double(inSize) / Double(outSize)
        let filterScale = max(scale, 1)
        let support = filter.support * filterScale
        var bounds: [(Int, Int)] = [], weights: [[Int]] = []
        for xx in 0..<outSize {
            let center = (Double(xx) + 0.5) * scale
            let xmin = max(Int(center - support + 0.5), 0)
            let xmax = min(Int(center + support + 0.5), inSize) - xmin
            var k = (0..<max(xmax, 0)).map { x in filter.weight((Double(x + xmin) - center + 0.5) / filterScale) }
            let total = k.reduce(0, +)
            if total != 0 { k = k.map { $0 / total } }
            bounds.append((xmin, max(xmax, 0)))
            weights.append(k.map { w in Int(w * Double(1 << precisionBits) + (w < 0 ? -0.5 : 0.5)) })
        }
        return (bounds, weights)
    }
}

extension RGBImage {
    /// Pillow's `resize((width, height), filter)` (A1111's "Lanczos" upscaler, its init-image
    /// resize). Same size returns `self`.
    public func resized(width newWidth: Int, height newHeight: Int, filter: PILResampler.Filter) -> RGBImage {
        if newWidth == width && newHeight == height { return self }
        let out = PILResampler.resize(pixels, channels: 3, width: width, height: height,
                                      to: newWidth, newHeight, filter: filter)
        return RGBImage(validatedWidth: newWidth, height: newHeight, pixels: out)
    }
}

extension GrayImage {
    /// Pillow's `resize((width, height), filter)` on an "L" image (A1111's latent mask uses
    /// bicubic, Pillow's default for RGB and L). Same size returns `self`.
    public func resized(width newWidth: Int, height newHeight: Int, filter: PILResampler.Filter) -> GrayImage {
        if newWidth == width && newHeight == height { return self }
        let out = PILResampler.resize(pixels, channels: 1, width: width, height: height,
                                      to: newWidth, newHeight, filter: filter)
        return GrayImage(validatedWidth: newWidth, height: newHeight, pixels: out)
    }
}
