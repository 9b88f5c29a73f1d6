import Tensor

/// LayerNorm over the last axis with affine parameters (PyTorch `nn.LayerNorm`).
struct LayerNormLayer {
    let weight: Tensor
    let bias: Tensor
    let eps: Float

    init(_ w: WeightScope, width: Int, eps: Float = 1e-5) throws {
        weight = try w("weight", [width])
        bias = try w("bias", [width])
        self.eps = eps
    }

    func callAsFunction(_ x: Tensor) -> Tensor {
        x.layerNorm(weight: weight, bias: bias, eps: eps)
    }
}
