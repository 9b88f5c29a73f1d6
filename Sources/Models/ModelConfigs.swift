import Tensor

/// Hyper-parameters of the SD networks. Detection from tensor shapes lives beside the
/// checkpoint loader; these structs only carry the numbers.

/// The LDM `openaimodel.UNetModel` family's hyper-parameters (SD 1.x, SD 2.x, SDXL). Defaults
/// are SD 1.5's, from LDM `configs/stable-diffusion/v1-inference.yaml` (ComfyUI
/// `comfy/supported_models.py`, `SD15`: transformer_depth [1, 1, 1, 0], num_heads 8).
public struct UNetConfig: Equatable, Sendable {
    public var inChannels = 4
    public var outChannels = 4
    public var modelChannels = 320
    public var channelMult: [Int] = [1, 2, 4, 4]
    public var numResBlocks = 2
    /// Transformer blocks per spatial transformer, one entry per level (0: the level has no
    /// attention). SD 1.x [1, 1, 1, 0]; SDXL [0, 2, 10] (sgm `sd_xl_base.yaml`).
    public var transformerDepth: [Int] = [1, 1, 1, 0]
    /// Transformer blocks in the middle block's spatial transformer (SD 1.x 1, SDXL 10).
    public var middleTransformerDepth = 1
    /// How many attention heads a transformer of a given width has (SD 1.x 8; SD 2.x/SDXL 64 wide).
    public var heads: AttentionHeads = .count(8)
    /// `proj_in`/`proj_out` kind: 1×1 convolutions (SD 1.x) or Linear layers (SD 2.x, SDXL).
    public var projection: TransformerProjection = .convolution
    public var contextDim = 768
    /// Width of the `y` vector `label_emb` takes (SDXL 2816, refiner 2560), nil when absent.
    public var admInChannels: Int?
    public init() {}

    /// Levels (indices into `channelMult`) whose blocks carry a spatial transformer.
    public var attentionLevels: [Int] { transformerDepth.indices.filter { transformerDepth[$0] > 0 } }
}

/// SD 1.x `AutoencoderKL`. Defaults are SD 1.5's.
public struct VAEConfig: Equatable, Sendable {
    public var channels = 128
    public var channelMult: [Int] = [1, 2, 4, 4]
    public var numResBlocks = 2
    public var latentChannels = 4
    public var imageChannels = 3
    public init() {}
}

/// CLIP text transformer (transformers `CLIPTextModel`, `CLIPTextModelWithProjection`; open_clip
/// `TextTransformer`). Defaults are CLIP ViT-L/14's.
public struct CLIPTextConfig: Equatable, Sendable {
    public var vocabSize = 49408
    public var hiddenSize = 768
    public var numLayers = 12
    public var numHeads = 12
    public var intermediateSize = 3072
    public var maxPositions = 77
    /// The MLP's nonlinearity: quick_gelu for OpenAI's CLIP ViT-L/14 (transformers config
    /// `hidden_act: quick_gelu`), exact gelu for OpenCLIP ViT-H/14 and ViT-bigG/14 (open_clip
    /// `nn.GELU`; diffusers' SDXL `text_encoder_2/config.json` `hidden_act: gelu`). Shapes do not
    /// show it; `ArchitectureDetector`'s family traits set it.
    public var activation: Activation = .quickGELU
    /// Width of the pooled `text_projection` (bigG 1280), nil when the encoder has none.
    public var projectionWidth: Int?
    public init() {}
}
