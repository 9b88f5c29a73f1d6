import CKernels

/// A weight matrix W [outputs, inputs] (PyTorch layout) rounded to bfloat16 and packed once
/// for the bf16 GEMM (`CKernels/bf16_gemm.c`), in one of the kernel's two operand layouts:
/// - `.outputsAsRows`: the GEMM's A operand, for products out[o, pixel] = Σᵢ W[o, i]·x[i, pixel]
///   (convolutions on NCHW activations);
/// - `.outputsAsColumns`: its B operand Wᵀ, for products out[token, o] = Σᵢ x[token, i]·W[o, i]
///   (linear layers on token rows).
/// Half the memory of the fp32 weights (plus padding to whole 6-row or 64-column panels).
public final class BF16Panels: @unchecked Sendable {
    public enum Layout: Sendable {
        case outputsAsRows
        case outputsAsColumns
    }

    public let outputs: Int
    public let inputs: Int
    public let layout: Layout
    /// The shape of the weight tensor this was packed from.
    public let shape: [Int]
    let words: UnsafeMutablePointer<UInt32>
    let wordCount: Int

    /// Packs `weight` [outputs, inputs, …] (trailing axes flattened into the inputs, as a
    /// convolution kernel [Cout, Cin, kh, kw] is).
    public init(_ weight: Tensor, layout: Layout) {
        precondition(Precision.bf16Supported, "bf16 weights need AVX512_BF16")
        shape = weight.shape
        outputs = weight.shape[0]
        inputs = weight.count / max(outputs, 1)
        self.layout = layout
        let (m, k) = (Int32(outputs), Int32(inputs))
        switch layout {
        case .outputsAsRows:
            wordCount = easel_bf16_packed_a_words(m, k)
            words = .allocate(capacity: max(wordCount, 1))
            easel_bf16_pack_a(weight.pointer, inputs, 1, m, k, words)
        case .outputsAsColumns:
            wordCount = easel_bf16_packed_b_words(k, m)
            words = .allocate(capacity: max(wordCount, 1))
            easel_bf16_pack_b(weight.pointer, 1, inputs, k, m, words)
        }
    }

    deinit { words.deallocate() }

    /// Packs `weight` (the same shape this was packed from) over the current words, in place:
    /// how a LoRA merge or its removal changes a bf16 layer without rebuilding the network.
    public func repack(_ weight: Tensor) {
        precondition(weight.count == outputs * inputs, "repack: \(weight.shape) into panels of \(shape)")
        let (m, k) = (Int32(outputs), Int32(inputs))
        switch layout {
        case .outputsAsRows: easel_bf16_pack_a(weight.pointer, inputs, 1, m, k, words)
        case .outputsAsColumns: easel_bf16_pack_b(weight.pointer, 1, inputs, k, m, words)
        }
    }

    /// Bytes held.
    public var byteCount: Int { wordCount * 4 }
}

/// A layer's weight as the engine multiplies with it: the fp32 tensor (OpenBLAS), packed
/// bf16 panels (fast mode), or the file's 16-bit values widened before each fp32 product
/// (fast mode without AVX512_BF16).
public enum GEMMWeight: @unchecked Sendable {
    case fp32(Tensor)
    case bf16(BF16Panels)
    case half(HalfWeights)

    /// `weight` in `precision`: fp32 keeps the tensor, bf16 packs it in `layout`. With
    /// `fp32HalfWeights` an fp32 tensor stays fp32 (only a file's own 16-bit values are kept
    /// half-size, `WeightScope.gemmWeight`).
    public init(_ weight: Tensor, precision: Precision, layout: BF16Panels.Layout) {
        switch Precision.resolve(precision) {
        case .fp32, .fp32HalfWeights: self = .fp32(weight)
        case .bf16: self = .bf16(BF16Panels(weight, layout: layout))
        }
    }

    /// The number of outputs (rows of W).
    public var outputs: Int {
        switch self {
        case let .fp32(t): return t.shape[0]
        case let .bf16(p): return p.outputs
        case let .half(h): return h.outputs
        }
    }

    /// Hands a half-stored weight's file pages back to the system (`HalfWeights.releaseFilePages`);
    /// nothing for the other kinds, whose memory is their own.
    public func releaseFilePages() {
        if case let .half(h) = self { h.releaseFilePages() }
    }

    /// Replaces the weight's values in place with `weight` (same element count): fp32 copies
    /// into the tensor's storage, bf16 packs into the existing panels. Every layer holding
    /// this weight sees the new values; nothing is reallocated.
    public func overwrite(with weight: Tensor) {
        switch self {
        case let .fp32(t):
            precondition(t.count == weight.count, "overwrite: \(weight.shape) into \(t.shape)")
            t.pointer.update(from: weight.pointer, count: t.count)
        case let .bf16(p):
            p.repack(weight)
        case let .half(h):
            h.overwrite(with: weight)
        }
    }

    /// Bytes the weight holds.
    public var byteCount: Int {
        switch self {
        case let .fp32(t): return t.count * 4
        case let .bf16(p): return p.byteCount
        case let .half(h): return h.byteCount
        }
    }
}
