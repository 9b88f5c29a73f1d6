import Tensor

/// A fully connected layer, weight [out, in] and optional bias [out] (PyTorch `nn.Linear`),
/// held in the scope's precision.
struct LinearLayer {
    let weight: GEMMWeight
    let bias: Tensor?

    init(_ w: WeightScope, in inFeatures: Int, out outFeatures: Int, bias hasBias: Bool = true) throws {
        weight = try w.gemmWeight("weight", [outFeatures, inFeatures], layout: .outputsAsColumns)
        bias = hasBias ? try w("bias", [outFeatures]) : nil
    }

    init(weight: Tensor, bias: Tensor?, precision: Precision) {
        self.weight = GEMMWeight(weight, precision: precision, layout: .outputsAsColumns)
        self.bias = bias
    }

    /// A layer whose weight is already in its precision.
    init(weight: GEMMWeight, bias: Tensor?) {
        self.weight = weight
        self.bias = bias
    }

    /// x·Wᵀ + b (+ residual) over the last axis.
    func callAsFunction(_ x: Tensor, residual: Tensor? = nil) -> Tensor {
        x.linear(weight: weight, bias: bias, residual: residual)
    }
}
