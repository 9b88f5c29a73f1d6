import CKernels

/// The filters of a Winograd convolution: fp32 weights, or bf16 panels (the fast mode's
/// weights), which are widened back to fp32 for the transform. The transform and its GEMMs are
/// fp32 either way, so with bf16 weights only the weights' rounding remains.
enum WinogradFilter {
    case fp32(Tensor)
    case bf16(BF16Panels)

    var outputs: Int {
        switch self {
        case let .fp32(w): return w.shape[0]
        case let .bf16(p): return p.outputs
        }
    }

    var isBF16: Bool { if case .bf16 = self { return true } else { return false } }

    /// The weights [Cout, Cin, 3, 3] as fp32: the tensor itself, or the panels unpacked into
    /// `scratch` (Cout·Cin·9 floats).
    func fp32Pointer(scratch: UnsafeMutablePointer<Float>) -> UnsafePointer<Float> {
        switch self {
        case let .fp32(w):
            return UnsafePointer(w.pointer)
        case let .bf16(p):
            precondition(p.layout == .outputsAsRows, "Winograd: bf16 weights packed for linear layers")
            easel_bf16_unpack_a(p.words, Int32(p.outputs), Int32(p.inputs), scratch)
            return UnsafePointer(scratch)
        }
    }
}
