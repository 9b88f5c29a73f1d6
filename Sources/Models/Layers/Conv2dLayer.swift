import Tensor

/// A 2-D convolution with bias, weights [Cout, Cin, k, k] (PyTorch `nn.Conv2d`), held in the
/// scope's precision.
struct Conv2dLayer {
    let weight: GEMMWeight
    let bias: Tensor
    let stride: Int
    let padding: Padding2D

    /// Reads `weight` [out, in, k, k] and `bias` [out] from `w`. `layout` is how bf16 weights
    /// are packed: `.outputsAsRows` for convolutions, `.outputsAsColumns` for a 1×1 conv used
    /// on token rows (`pointwiseConvToTokens`).
    init(_ w: WeightScope, in inChannels: Int, out outChannels: Int, kernel: Int, stride: Int = 1,
         padding: Padding2D? = nil, layout: BF16Panels.Layout = .outputsAsRows) throws {
        weight = try w.gemmWeight("weight", [outChannels, inChannels, kernel, kernel], layout: layout)
        bias = try w("bias", [outChannels])
        self.stride = stride
        self.padding = padding ?? .uniform(kernel / 2)
    }

    /// A 1×1 layer whose weight is already in its precision (`kernel` 1).
    init(pointwise weight: GEMMWeight, bias: Tensor) {
        self.weight = weight
        self.bias = bias
        stride = 1
        padding = .uniform(0)
    }

    /// A layer from tensors already read: `weight` [out, in, k, k], `bias` [out].
    init(weight: Tensor, bias: Tensor, precision: Precision, stride: Int = 1, padding: Padding2D? = nil,
         layout: BF16Panels.Layout = .outputsAsRows) {
        self.weight = GEMMWeight(weight, precision: precision, layout: layout)
        self.bias = bias
        self.stride = stride
        self.padding = padding ?? .uniform(weight.shape[2] / 2)
    }

    /// conv(x) + bias (+ residual). `batchBias` [B, Cout], when given, replaces the layer's
    /// bias with one row per batch item (the caller has folded the layer bias into it).
    /// `intoResidual`: write the result over `residual` (which the caller owns and no longer needs).
    func callAsFunction(_ x: Tensor, residual: Tensor? = nil, batchBias: Tensor? = nil, intoResidual: Bool = false) -> Tensor {
        x.conv2d(weight: weight, bias: batchBias ?? bias, stride: stride, padding: padding, residual: residual,
                 intoResidual: intoResidual)
    }
}
