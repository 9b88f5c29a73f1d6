import Tensor

/// What one `CLIPTextModel.run` returns.
public struct CLIPTextOutput {
    /// The chosen hidden state [B, T, C].
    public var hidden: Tensor
    /// The pooled projection [B, P], when it was asked for.
    public var pooled: Tensor?
}
