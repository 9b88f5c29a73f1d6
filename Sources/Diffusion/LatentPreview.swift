import Imaging
import Models

/// A cheap latent → RGB preview: each latent cell becomes one pixel through the latent
/// format's fixed C×3 linear map (`LatentFormat.previewCoefficients`), then `(x + 1) / 2` into
/// [0, 1].
///
/// For SD 1.x (`LatentFormat.sd1`, the default) the coefficients are A1111's
/// `modules/sd_vae_approx.py`, `cheap_approximation`, applied to the model-space latent (before
/// the 1/0.18215 unscaling). It costs 3·C multiply-adds per latent cell — far under 1% of a
/// UNet step.
public enum LatentPreview {
    /// `latent` is one image's [C, height, width] values, channels first, with C the format's
    /// channels; nil when the sizes disagree.
    public static func image(latent: [Float], width: Int, height: Int, format: LatentFormat = .sd1) -> RGBImage? {
        let plane = width * height
        let c = format.previewCoefficients
        guard plane > 0, !c.isEmpty, latent.count == c.count * plane else { return nil }
        var pixels = [UInt8](repeating: 0, count: 3 * plane)
        for p in 0..<plane {
            for ch in 0..<3 {
                var v = latent[p] * c[0][ch]
                for channel in 1..<c.count { v += latent[channel * plane + p] * c[channel][ch] }
                pixels[3 * p + ch] = RGBImage.quantise(v)
            }
        }
        return try? RGBImage(width: width, height: height, pixels: pixels)
    }
}
