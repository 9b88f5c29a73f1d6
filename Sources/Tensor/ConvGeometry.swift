/// Kernel, stride, padding and output size of one 2-D convolution.
struct ConvGeometry {
    let kernel: (Int, Int)
    let stride: Int
    let padding: Padding2D
    let outHeight: Int
    let outWidth: Int

    /// A 1×1, stride-1, unpadded convolution: a plain GEMM over the input.
    var isPointwise: Bool { kernel == (1, 1) && stride == 1 && padding == .uniform(0) }
}
