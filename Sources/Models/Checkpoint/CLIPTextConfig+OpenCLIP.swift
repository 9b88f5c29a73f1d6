extension CLIPTextConfig {
    /// Reads an OpenCLIP text tower's hyper-parameters (SD 2.x ViT-H, SDXL bigG) from tensor
    /// shapes, in OpenCLIP names: `token_embedding.weight` [vocab, width],
    /// `positional_embedding` [positions, width], `transformer.resblocks.N.mlp.c_fc.weight`
    /// [intermediate, width], layers counted from `transformer.resblocks.N`, `text_projection`
    /// [width, projection] (applied as `x @ P`) giving the pooled width. Source: open_clip
    /// `model.py` (`TextTransformer`) and diffusers `convert_open_clip_checkpoint`
    /// (`textenc_conversion_lst`). Heads = width / 64, as for CLIP.
    static func detectOpenCLIP(from weights: WeightTable) throws -> CLIPTextConfig {
        let component = "text encoder"
        var config = CLIPTextConfig()
        let tokens = try weights.requiredShape("token_embedding.weight", rank: 2, component: component)
        config.vocabSize = tokens[0]
        config.hiddenSize = tokens[1]
        config.maxPositions = try weights.requiredShape("positional_embedding", rank: 2, component: component)[0]
        config.numLayers = weights.keys.countBlocks { "transformer.resblocks.\($0)." }
        guard config.numLayers > 0 else { throw weights.undetectable(component, "no transformer.resblocks") }
        config.intermediateSize = try weights.requiredShape("transformer.resblocks.0.mlp.c_fc.weight", rank: 2,
                                                            component: component)[0]
        if weights.contains("text_projection") {
            config.projectionWidth = try weights.requiredShape("text_projection", rank: 2, component: component)[1]
        }
        return try config.withHeadSize64(weights, component)
    }

    /// Sets heads = hidden / 64 (CLIP's and OpenCLIP's head size), or refuses.
    func withHeadSize64(_ weights: WeightTable, _ component: String) throws -> CLIPTextConfig {
        guard hiddenSize % 64 == 0 else {
            throw weights.undetectable(component, "hidden size \(hiddenSize) is not a multiple of the head size 64")
        }
        var config = self
        config.numHeads = hiddenSize / 64
        return config
    }
}
