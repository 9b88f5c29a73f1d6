import Tensor

/// A fully connected layer, weight [out, in] and optional bias [out] (PyTorch `nn.Linear`).
struct LinearLayer {
    let weight: Tensor
    let bias: Tensor?

    init(_ w: WeightScope, in inFeatures: Int, out outFeatures: Int, bias hasBias: Bool = true) throws {
        weight = try w("weight", [outFeatures, inFeatures])
        bias = hasBias ? try w("bias", [outFeatures]) : nil
    }

    init(weight: Tensor, bias: Tensor?) {
        self.weight = weight
        self.bias = bias
    }

    /// x·Wᵀ + b (+ residual) over the last axis.
    func callAsFunction(_ x: Tensor, residual: Tensor? = nil) -> Tensor {
        x.linear(weight: weight, bias: bias, residual: residual)
    }
}
