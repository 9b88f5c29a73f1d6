import Foundation
import Imaging

/// An inpainting mask after A1111's blur (white = repaint), and what the pipeline derives
/// from it: the latent mask, the 9-channel models' conditioning mask and the final overlay.
///
/// Port of A1111 `modules/processing.py` `StableDiffusionProcessingImg2Img.init`:
/// - blur: `cv2.GaussianBlur(mask, (2·int(2.5·b + 0.5) + 1, 1), b)`, then the same vertically
///   (`mask_blur_x`, `mask_blur_y`; OpenCV's reflect-101 border, float weights here);
/// - latent mask: `mask.convert("RGB").resize((W/8, H/8))` (Pillow's default, bicubic),
///   channel 0 / 255, `np.around` (`mask_round`), tiled over the latent channels;
/// - overlay: `mask_for_overlay = clip(mask·2, 0, 255)`; the init image pasted through its
///   inverse and alpha-composited over the decode (`apply_overlay`), so the kept area is the
///   original picture exactly.
struct InpaintMask {
    /// The blurred mask at the image's size.
    let pixels: GrayImage

    init(_ mask: GrayImage, blur: Int) {
        pixels = blur > 0 ? Self.gaussianBlur(mask, sigma: Double(blur)) : mask
    }

    /// A mask that is already blurred (a crop of one).
    init(blurred mask: GrayImage) { pixels = mask }

    /// 1 where the latent is repainted, 0 where it is kept: [channels·h·w].
    func latentMask(_ size: LatentSize, channels: Int) -> [Float] {
        let small = pixels.resized(width: size.width, height: size.height, filter: .bicubic)
        let plane = small.pixels.map { (Float($0) / 255).rounded(.toNearestOrEven) }
        return Array((0..<channels).map { _ in plane }.joined())
    }

    /// The final picture: `decoded` inside the mask, the original outside it, mixed where the
    /// blur made the mask grey (Pillow's `alpha_composite` of the original with alpha
    /// `255 − clip(2·mask, 0, 255)`).
    func overlay(original: RGBImage, on decoded: RGBImage) -> RGBImage {
        var out = decoded
        for y in 0..<decoded.height {
            for x in 0..<decoded.width {
                let alpha = 255 - min(2 * Int(pixels.pixels[y * pixels.width + x]), 255)
                guard alpha > 0 else { continue }
                let o = original[x, y], d = decoded[x, y]
                func mix(_ a: UInt8, _ b: UInt8) -> UInt8 {
                    UInt8((Double(Int(a) * alpha + Int(b) * (255 - alpha)) / 255).rounded())
                }
                out[x, y] = RGBColor(red: mix(o.red, d.red), green: mix(o.green, d.green), blue: mix(o.blue, d.blue))
            }
        }
        return out
    }

    /// Horizontal then vertical Gaussian blur with OpenCV's kernel for `sigma`
    /// (`getGaussianKernel(2·int(2.5σ + 0.5) + 1, σ)`) and reflect-101 borders.
    static func gaussianBlur(_ image: GrayImage, sigma: Double) -> GrayImage {
        let size = 2 * Int(2.5 * sigma + 0.5) + 1, half = size / 2
        var kernel = (0..<size).map { i in exp(-Double((i - half) * (i - half)) / (2 * sigma * sigma)) }
        let total = kernel.reduce(0, +)
        kernel = kernel.map { $0 / total }
        func reflect(_ i: Int, _ n: Int) -> Int {
            guard n > 1 else { return 0 }
            var i = i
            while i < 0 || i >= n { i = i < 0 ? -i : 2 * (n - 1) - i }
            return i
        }
        let (w, h) = (image.width, image.height)
        var horizontal = [Double](repeating: 0, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                var sum = 0.0
                for k in 0..<size { sum += kernel[k] * Double(image.pixels[y * w + reflect(x + k - half, w)]) }
                horizontal[y * w + x] = sum.rounded()
            }
        }
        var out = [UInt8](repeating: 0, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                var sum = 0.0
                for k in 0..<size { sum += kernel[k] * horizontal[reflect(y + k - half, h) * w + x] }
                out[y * w + x] = UInt8(max(0, min(255, sum.rounded())))
            }
        }
        return (try? GrayImage(width: w, height: h, pixels: out)) ?? image
    }
}
