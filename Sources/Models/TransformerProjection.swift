/// The kind of a spatial transformer's `proj_in`/`proj_out` layers.
///
/// Source: LDM `ldm/modules/attention.py`, `SpatialTransformer` (`use_linear`), and ComfyUI
/// `comfy/model_detection.py`, `calculate_transformer_depth` (`use_linear_in_transformer` is
/// a 2-D `proj_in.weight`). A Linear layer on the [B, HW, C] tokens equals a 1×1 convolution
/// with the same [C, C] weight, so both run through the same pointwise code.
public enum TransformerProjection: String, Equatable, Sendable {
    /// 1×1 convolutions, weights [C, C, 1, 1] (SD 1.x).
    case convolution
    /// Linear layers, weights [C, C] (SD 2.x, SDXL).
    case linear
}
