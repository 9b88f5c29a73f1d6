import RenderSettings

/// A latent's height and width in cells (the image's size / 8).
struct LatentSize: Equatable {
    var height: Int
    var width: Int

    init(height: Int, width: Int) {
        self.height = height
        self.width = width
    }

    init(_ settings: RenderSettings) { self.init(height: settings.height / 8, width: settings.width / 8) }

    var cells: Int { height * width }
}

/// What one sampling run starts from, beyond the settings: its size, the sigmas it samples
/// (already truncated for img2img), and the img2img / inpainting inputs.
struct SamplingPlan {
    var size: LatentSize
    /// Descending, ending in 0; `sigmas[0]` scales the initial noise.
    var sigmas: [Float]
    /// img2img: the scaled init latent [C·h·w] the noise is added to; nil starts from noise.
    var initLatent: [Float]? = nil
    /// Inpainting: 1 where the latent is repainted, 0 where it is kept [C·h·w].
    var repaintMask: [Float]? = nil
    /// Image-conditioned UNets (9-channel inpainting): the extra input channels [C_extra·h·w].
    var imageConditioning: [Float]? = nil
}
