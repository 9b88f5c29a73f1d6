import Catalog

/// Where adapters attach to one loaded model: the patchable weights of its UNet and text
/// encoders, the module-name index built from them, and the patcher that merges into them.
public final class AdapterBinding: @unchecked Sendable {
    public let family: CheckpointFamily
    public let index: AdapterTargetIndex
    public let patcher: WeightPatcher
    /// The (first) text encoder's width, which embeddings must have.
    public let textWidth: Int

    public init(unet: UNetModel, textEncoders: [CLIPTextModel], family: CheckpointFamily,
                namings: [AdapterNaming] = AdapterNaming.sd1) {
        var weights: [AdapterComponent: PatchableWeights] = [.unet: unet.patchableWeights]
        for (i, encoder) in textEncoders.enumerated() { weights[.textEncoder(i)] = encoder.patchableWeights }
        let config = unet.config
        let layout = UNetBlockLayout(levels: config.channelMult.count, numResBlocks: config.numResBlocks,
                                     attentionLevels: Set(config.attentionLevels))
        self.family = family
        index = AdapterTargetIndex(namings: namings, weights: weights, unetKeyMap: DiffusersUNetKeyMap.keyMap(for: layout))
        patcher = WeightPatcher(weights: weights)
        textWidth = textEncoders.first?.config.hiddenSize ?? 0
    }

    /// `network` matched against this model (see `ResolvedAdapter.init`).
    public func resolve(_ network: AdapterNetwork) throws -> ResolvedAdapter {
        try ResolvedAdapter(network, index: index, weights: patcher.weights, family: family)
    }
}
