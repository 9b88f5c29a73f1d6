/// Hyper-parameters of the SD 1.x networks. Detection from tensor shapes lives beside the
/// checkpoint loader; these structs only carry the numbers.

/// SD 1.x UNet (LDM `openaimodel.UNetModel`). Defaults are SD 1.5's.
public struct UNetConfig: Equatable, Sendable {
    public var inChannels = 4
    public var outChannels = 4
    public var modelChannels = 320
    public var channelMult: [Int] = [1, 2, 4, 4]
    public var numResBlocks = 2
    /// Levels (indices into `channelMult`) whose blocks carry a spatial transformer.
    public var attentionLevels: [Int] = [0, 1, 2]
    public var numHeads = 8
    public var transformerDepth = 1
    public var contextDim = 768
    public init() {}
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

/// CLIP text transformer (transformers `CLIPTextModel`). Defaults are CLIP ViT-L/14's.
public struct CLIPTextConfig: Equatable, Sendable {
    public var vocabSize = 49408
    public var hiddenSize = 768
    public var numLayers = 12
    public var numHeads = 12
    public var intermediateSize = 3072
    public var maxPositions = 77
    public init() {}
}
