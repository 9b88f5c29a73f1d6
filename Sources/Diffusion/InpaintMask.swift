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

    /// A1111's mask blur (`GrayImage.gaussianBlurred`, OpenCV's kernel and borders).
    static func gaussianBlur(_ image: GrayImage, sigma: Double) -> GrayImage { image.gaussianBlurred(sigma: sigma) }
}
