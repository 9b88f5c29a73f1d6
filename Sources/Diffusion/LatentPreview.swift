import Imaging

/// A cheap latent → RGB preview: each latent cell becomes one pixel through a fixed 4×3
/// linear map, then `(x + 1) / 2` into [0, 1].
///
/// Coefficients: A1111 `modules/sd_vae_approx.py`, `cheap_approximation` (SD 1.x rows
/// L1…L4 → R, G, B), applied to the model-space latent (before the 1/0.18215 unscaling).
/// It costs 12 multiply-adds per latent cell — far under 1% of a UNet step.
public enum LatentPreview {
    public static let sd1Coefficients: [[Float]] = [
        [0.298, 0.207, 0.208],
        [0.187, 0.286, 0.173],
        [-0.158, 0.189, 0.264],
        [-0.184, -0.271, -0.473],
    ]

    /// `latent` is one image's [4, height, width] values, channels first.
    public static func image(latent: [Float], width: Int, height: Int) -> RGBImage? {
        let plane = width * height
        guard plane > 0, latent.count == 4 * plane else { return nil }
        var pixels = [UInt8](repeating: 0, count: 3 * plane)
        let c = sd1Coefficients
        for p in 0..<plane {
            let l0 = latent[p], l1 = latent[plane + p], l2 = latent[2 * plane + p], l3 = latent[3 * plane + p]
            for ch in 0..<3 {
                let v = l0 * c[0][ch] + l1 * c[1][ch] + l2 * c[2][ch] + l3 * c[3][ch]
                pixels[3 * p + ch] = RGBImage.quantise(v)
            }
        }
        return try? RGBImage(width: width, height: height, pixels: pixels)
    }
}
