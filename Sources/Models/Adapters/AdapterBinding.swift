import Catalog

/// Where adapters attach to one loaded model: the patchable weights of its UNet and text
/// encoders, the module-name index built from them, and the patcher that merges into them.
public final class AdapterBinding: @unchecked Sendable {
    public let family: CheckpointFamily
    public let index: AdapterTargetIndex
    public let patcher: WeightPatcher
    /// Each text encoder's width, in context order: an embedding must have one vector set
    /// per encoder, each of its encoder's width.
    public let textWidths: [Int]
    /// The first text encoder's width.
    public var textWidth: Int { textWidths.first ?? 0 }

    /// `namings` defaults to the family's table (`AdapterNaming.byFamily`); a family without
    /// one gets an empty index, so every LoRA is refused as matching no layer.
    public init(unet: UNetModel, textEncoders: [CLIPTextModel], family: CheckpointFamily,
                namings: [AdapterNaming]? = nil) {
        var weights: [AdapterComponent: PatchableWeights] = [.unet: unet.patchableWeights]
        for (i, encoder) in textEncoders.enumerated() { weights[.textEncoder(i)] = encoder.patchableWeights }
        let config = unet.config
        let layout = UNetBlockLayout(levels: config.channelMult.count, numResBlocks: config.numResBlocks,
                                     attentionLevels: Set(config.attentionLevels))
        self.family = family
        index = AdapterTargetIndex(namings: namings ?? AdapterNaming.byFamily[family.adapterFamily] ?? [], weights: weights, unetKeyMap: DiffusersUNetKeyMap.keyMap(for: layout))
        patcher = WeightPatcher(weights: weights)
        textWidths = textEncoders.map(\.config.hiddenSize)
    }

    /// `network` matched against this model (see `ResolvedAdapter.init`).
    public func resolve(_ network: AdapterNetwork) throws -> ResolvedAdapter {
        try ResolvedAdapter(network, index: index, weights: patcher.weights, family: family)
    }
}
