extension UNetConfig {
    /// Reads an SD 1.x UNet's hyper-parameters from tensor shapes alone (never tensor data),
    /// as stable-diffusion.cpp's `detect_from_weights` and ComfyUI's `detect_unet_config` do.
    ///
    /// LDM `openaimodel.UNetModel` lays `input_blocks` out as: the input conv, then for each
    /// level `numResBlocks` ResBlocks (each followed by a spatial transformer on attention
    /// levels) and a downsampler (`.0.op`) after every level but the last. Widths come from the
    /// convolutions, the context width from `attn2.to_k` ([inner, context]), the depth from
    /// counting `transformer_blocks`. Heads cannot be seen in shapes; SD 1.x uses 8.
    public static func detect(from weights: WeightTable) throws -> UNetConfig {
        let component = "UNet"
        var config = UNetConfig()
        let convIn = try weights.requiredShape("input_blocks.0.0.weight", rank: 4, component: component)
        config.modelChannels = convIn[0]
        config.inChannels = convIn[1]
        config.outChannels = try weights.requiredShape("out.2.weight", rank: 4, component: component)[0]

        var block = 1, level = 0
        var multipliers: [Int] = [], resBlockCounts: [Int] = [], attentionLevels: [Int] = []
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
            let attention = (0..<resBlocks).map { weights.contains("input_blocks.\(block + $0).1.proj_in.weight") }
            if attention.contains(true) {
                guard !attention.contains(false) else {
                    throw weights.undetectable(component, "level \(level) has attention on some ResBlocks only")
                }
                attentionLevels.append(level)
            }
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
        config.attentionLevels = attentionLevels
        try detectTransformer(&config, weights, component)
        return config
    }

    /// Context width and depth from the first spatial transformer (the middle block's).
    private static func detectTransformer(_ config: inout UNetConfig, _ weights: WeightTable,
                                          _ component: String) throws {
        let transformer = "middle_block.1."
        let projection = try weights.requiredShape(transformer + "proj_in.weight", rank: 4, component: component)
        guard projection[2] == 1, projection[3] == 1 else {
            throw weights.undetectable(component, "proj_in has shape \(projection), expected a 1×1 convolution")
        }
        let key = transformer + "transformer_blocks.0.attn2.to_k.weight"
        config.contextDim = try weights.requiredShape(key, rank: 2, component: component)[1]
        config.transformerDepth = weights.consecutiveCount {
            transformer + "transformer_blocks.\($0).attn2.to_k.weight"
        }
        config.numHeads = 8
    }
}
