import Tensor

/// SDXL's size and crop conditioning: six 256-wide sinusoids of the original height and width,
/// the crop's top and left, and the target height and width, in that order, which follow the
/// pooled text embedding in the UNet's `y`.
///
/// Reference: sgm `modules/encoders/modules.py`, `ConcatTimestepEmbedderND` (each number through
/// `Timestep(256)`, i.e. `timestep_embedding`: cos then sin, frequencies exp(−ln(10⁴)·i/128))
/// for the embedders `original_size_as_tuple`, `crop_coords_top_left`, `target_size_as_tuple`;
/// A1111 `modules/sd_models_xl.py`, `get_learned_conditioning` (original = target = (height,
/// width) of the image, crop = (`sdxl_crop_top`, `sdxl_crop_left`) = (0, 0) by default);
/// diffusers `StableDiffusionXLPipeline._get_add_time_ids` gives the same `add_time_ids`.
public struct SDXLSizeConditioning: Equatable, Sendable {
    public var originalHeight: Int, originalWidth: Int
    public var cropTop = 0, cropLeft = 0
    public var targetHeight: Int, targetWidth: Int

    /// A1111's default for an image of `width` × `height`: original = target = the image, no crop.
    public init(width: Int, height: Int) {
        originalHeight = height
        originalWidth = width
        targetHeight = height
        targetWidth = width
    }

    /// Width of each sinusoid.
    public static let embeddingWidth = 256

    /// The numbers in sgm's order.
    public var values: [Int] { [originalHeight, originalWidth, cropTop, cropLeft, targetHeight, targetWidth] }

    /// The sinusoids [1, 6·256].
    public var embedding: Tensor {
        let features = TimestepEmbedding.sinusoid(values.map(Float.init), dim: Self.embeddingWidth) // [6, 256]
        return features.reshaped([1, values.count * Self.embeddingWidth])                          // [1, 1536]
    }
}
