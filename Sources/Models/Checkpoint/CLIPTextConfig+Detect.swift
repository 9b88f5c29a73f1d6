extension CLIPTextConfig {
    /// Reads a CLIP text transformer's hyper-parameters from tensor shapes alone: the token
    /// embedding is [vocab, hidden], the position embedding [positions, hidden], `fc1` is
    /// [intermediate, hidden]; layers are counted from the keys; `text_projection.weight`
    /// [projection, hidden] (transformers `CLIPTextModelWithProjection`) gives the pooled width.
    /// Heads are not visible in shapes; CLIP's head size is 64 (ViT-L/14: 768 = 12 × 64), so
    /// heads = hidden / 64.
    /// Weights in OpenCLIP names (`token_embedding.weight`) are read by `detectOpenCLIP`.
    public static func detect(from weights: WeightTable) throws -> CLIPTextConfig {
        if weights.isOpenCLIPNamed {
            return try detectOpenCLIP(from: weights)
        }
        let component = "text encoder"
        var config = CLIPTextConfig()
        let tokens = try weights.requiredShape("embeddings.token_embedding.weight", rank: 2, component: component)
        config.vocabSize = tokens[0]
        config.hiddenSize = tokens[1]
        config.maxPositions = try weights.requiredShape("embeddings.position_embedding.weight", rank: 2,
                                                        component: component)[0]
        config.numLayers = weights.keys.countBlocks { "encoder.layers.\($0)." }
        guard config.numLayers > 0 else { throw weights.undetectable(component, "no encoder.layers") }
        config.intermediateSize = try weights.requiredShape("encoder.layers.0.mlp.fc1.weight", rank: 2, component: component)[0]
        if weights.contains("text_projection.weight") {
            config.projectionWidth = try weights.requiredShape("text_projection.weight", rank: 2, component: component)[0]
        }
        return try config.withHeadSize64(weights, component)
    }
}

extension WeightTable {
    /// A text encoder table in open_clip names (`token_embedding.weight`) rather than
    /// transformers' (`embeddings.token_embedding.weight`).
    var isOpenCLIPNamed: Bool { !contains("embeddings.token_embedding.weight") && contains("token_embedding.weight") }
}
