import Tensor

/// SDXL's vector conditioning input: `y` (pooled text embedding and size/crop sinusoids) through
/// Linear, SiLU, Linear to the time-embedding width, added to the timestep embedding.
/// Weights `label_emb.0.0` and `label_emb.0.2` (diffusers `add_embedding.linear_1/2`).
/// Reference: LDM/sgm `openaimodel.py`, `UNetModel.__init__` (`num_classes == "sequential"`:
/// `label_emb = Sequential(Sequential(linear(adm_in_channels, time_embed_dim), SiLU(),
/// linear(time_embed_dim, time_embed_dim)))`) and `UNetModel.forward` (`emb = emb + label_emb(y)`).
struct LabelEmbedding {
    let linear1: LinearLayer, linear2: LinearLayer
    let inputWidth: Int

    init(_ w: WeightScope, inputWidth: Int, embeddingWidth: Int) throws {
        self.inputWidth = inputWidth
        linear1 = try LinearLayer(w.child("0.0"), in: inputWidth, out: embeddingWidth)
        linear2 = try LinearLayer(w.child("0.2"), in: embeddingWidth, out: embeddingWidth)
    }

    /// y [B, adm] → [B, 4·model channels].
    func callAsFunction(_ y: Tensor) -> Tensor {
        let hidden = linear1(y).applying(.silu)                                 // [B, 4C]
        return linear2(hidden)                                                  // [B, 4C]
    }
}
