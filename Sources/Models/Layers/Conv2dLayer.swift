import Tensor

/// A 2-D convolution with bias, weights [Cout, Cin, k, k] (PyTorch `nn.Conv2d`).
struct Conv2dLayer {
    let weight: Tensor
    let bias: Tensor
    let stride: Int
    let padding: Padding2D

    /// Reads `weight` [out, in, k, k] and `bias` [out] from `w`.
    init(_ w: WeightScope, in inChannels: Int, out outChannels: Int, kernel: Int, stride: Int = 1,
         padding: Padding2D? = nil) throws {
        weight = try w("weight", [outChannels, inChannels, kernel, kernel])
        bias = try w("bias", [outChannels])
        self.stride = stride
        self.padding = padding ?? .uniform(kernel / 2)
    }

    /// conv(x) + bias (+ residual). `batchBias` [B, Cout], when given, replaces the layer's
    /// bias with one row per batch item (the caller has folded the layer bias into it).
    func callAsFunction(_ x: Tensor, residual: Tensor? = nil, batchBias: Tensor? = nil) -> Tensor {
        x.conv2d(weight: weight, bias: batchBias ?? bias, stride: stride, padding: padding, residual: residual)
    }
}
