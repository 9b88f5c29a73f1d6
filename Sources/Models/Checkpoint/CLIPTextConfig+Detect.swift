extension CLIPTextConfig {
    /// Reads a CLIP text transformer's hyper-parameters from tensor shapes alone: the token
    /// embedding is [vocab, hidden], the position embedding [positions, hidden], `fc1` is
    /// [intermediate, hidden]; layers are counted from the keys. Heads are not visible in
    /// shapes; CLIP's head size is 64 (ViT-L/14: 768 = 12 × 64), so heads = hidden / 64.
    /// Weights in OpenCLIP names (`token_embedding.weight`) are read by `detectOpenCLIP`.
    public static func detect(from weights: WeightTable) throws -> CLIPTextConfig {
        if !weights.contains("embeddings.token_embedding.weight"), weights.contains("token_embedding.weight") {
            return try detectOpenCLIP(from: weights)
        }
        let component = "text encoder"
        var config = CLIPTextConfig()
        let tokens = try weights.requiredShape("embeddings.token_embedding.weight", rank: 2, component: component)
        config.vocabSize = tokens[0]
        config.hiddenSize = tokens[1]
        config.maxPositions = try weights.requiredShape("embeddings.position_embedding.weight", rank: 2,
                                                        component: component)[0]
        config.numLayers = weights.consecutiveCount { "encoder.layers.\($0).self_attn.q_proj.weight" }
        guard config.numLayers > 0 else { throw weights.undetectable(component, "no encoder.layers") }
        config.intermediateSize = try weights.requiredShape("encoder.layers.0.mlp.fc1.weight", rank: 2, component: component)[0]
        return try config.withHeadSize64(weights, component)
    }
}
