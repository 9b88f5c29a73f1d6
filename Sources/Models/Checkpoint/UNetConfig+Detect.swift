extension UNetConfig {
    /// Reads an LDM UNet's hyper-parameters from tensor shapes alone (never tensor data), as
    /// stable-diffusion.cpp's `detect_from_weights` and ComfyUI's `detect_unet_config`
    /// (`comfy/model_detection.py`) do.
    ///
    /// LDM `openaimodel.UNetModel` lays `input_blocks` out as: the input conv, then for each
    /// level `numResBlocks` ResBlocks (each followed by a spatial transformer on attention
    /// levels) and a downsampler (`.0.op`) after every level but the last. Widths come from the
    /// convolutions, the context width from `attn2.to_k` ([inner, context]), each depth from
    /// counting `transformer_blocks` (ComfyUI `calculate_transformer_depth`), Linear
    /// projections from a 2-D `proj_in.weight`, the `y` width from `label_emb.0.0.weight`
    /// ([time width, adm]). Heads cannot be seen in shapes: `heads` stays SD 1.x's 8, and the
    /// architecture detector sets the family's rule.
    public static func detect(from weights: WeightTable) throws -> UNetConfig {
        let component = "UNet"
        var config = UNetConfig()
        let convIn = try weights.requiredShape("input_blocks.0.0.weight", rank: 4, component: component)
        config.modelChannels = convIn[0]
        config.inChannels = convIn[1]
        config.outChannels = try weights.requiredShape("out.2.weight", rank: 4, component: component)[0]

        var block = 1, level = 0
        var multipliers: [Int] = [], resBlockCounts: [Int] = [], depths: [Int] = []
        while true {
            let resBlocks = weights.consecutiveCount { "input_blocks.\(block + $0).0.in_layers.2.weight" }
            guard resBlocks > 0 else {
                throw weights.undetectable(component, "level \(level) has no ResBlock at input_blocks.\(block)")
            }
            let width = try weights.requiredShape("input_blocks.\(block).0.in_layers.2.weight", rank: 4, component: component)[0]
            guard width % config.modelChannels == 0 else {
                throw weights.undetectable(component, "level \(level) width \(width) is not a multiple of \(config.modelChannels)")
            }
            multipliers.append(width / config.modelChannels)
            resBlockCounts.append(resBlocks)
            let levelDepths = Set((0..<resBlocks).map { transformerDepth(weights, "input_blocks.\(block + $0).1.") })
            guard levelDepths.count == 1, let depth = levelDepths.first else {
                throw weights.undetectable(component, "level \(level) has transformer depths \(levelDepths.sorted())")
            }
            depths.append(depth)
            block += resBlocks
            guard weights.contains("input_blocks.\(block).0.op.weight") else { break }
            block += 1
            level += 1
        }
        guard Set(resBlockCounts).count == 1 else {
            throw weights.undetectable(component, "levels have different ResBlock counts \(resBlockCounts)")
        }
        config.channelMult = multipliers
        config.numResBlocks = resBlockCounts[0]
        config.transformerDepth = depths
        try detectTransformer(&config, weights, component)
        if let label = weights.shape("label_emb.0.0.weight"), label.count == 2 { config.admInChannels = label[1] }
        return config
    }

    /// The number of `transformer_blocks` under `prefix` (0: no spatial transformer there).
    private static func transformerDepth(_ weights: WeightTable, _ prefix: String) -> Int {
        weights.consecutiveCount { prefix + "transformer_blocks.\($0).attn2.to_k.weight" }
    }

    /// Context width, projection kind and depth from the middle block's spatial transformer.
    private static func detectTransformer(_ config: inout UNetConfig, _ weights: WeightTable,
                                          _ component: String) throws {
        let transformer = "middle_block.1."
        guard let projection = weights.shape(transformer + "proj_in.weight") else {
            throw weights.undetectable(component, "tensor '\(weights.fileKey(transformer + "proj_in.weight"))' is missing")
        }
        switch projection.count {
        case 2: config.projection = .linear
        case 4 where projection[2] == 1 && projection[3] == 1: config.projection = .convolution
        default:
            throw weights.undetectable(component, "proj_in has shape \(projection), expected a 1×1 convolution or a Linear weight")
        }
        let key = transformer + "transformer_blocks.0.attn2.to_k.weight"
        config.contextDim = try weights.requiredShape(key, rank: 2, component: component)[1]
        config.middleTransformerDepth = transformerDepth(weights, transformer)
    }
}
