import CKernels

/// Memory whose pages can be handed back to the system while nothing has written to them: a
/// memory-mapped checkpoint (`SafeTensorsFile`). Dropped pages are read again from the file
/// (usually the page cache) when next touched.
public protocol PageReleasing: AnyObject {
    /// Releases the whole pages inside `byteCount` bytes from `start`.
    func releasePages(_ start: UnsafeRawPointer, byteCount: Int)
}

/// A layer weight W [outputs, inputs, …] kept in 16 bits, fp16 or bfloat16, as the checkpoint
/// stores it: the fast mode's weights on CPUs without AVX512_BF16 (`Precision.fp32HalfWeights`).
/// Normally it borrows the memory-mapped file's bytes (no copy at all); a LoRA merge writes the
/// merged values, rounded to the same format, into memory of its own. Each product widens it to
/// fp32 into the one shared `HalfWeightScratch` and multiplies there with the fp32 kernels, so
/// the products are the precise mode's on the file's own values. Half the memory of fp32.
public final class HalfWeights: @unchecked Sendable {
    public enum Format: Sendable {
        case float16
        case bfloat16
    }

    public let format: Format
    /// The weight's shape (PyTorch layout).
    public let shape: [Int]
    public let count: Int
    /// The 16-bit values: the file's bytes, or `owned`.
    private var bytes: UnsafeRawPointer
    /// Keeps borrowed bytes valid (the mapping); nil once the values live in `owned`.
    private var keeper: AnyObject?
    private var owned: UnsafeMutableRawPointer?

    /// Borrows `count(shape)` 16-bit values at `bytes` (any alignment), kept valid by `keeper`.
    public init(borrowing bytes: UnsafeRawPointer, format: Format, shape: [Int], keeper: AnyObject) {
        self.bytes = bytes
        self.format = format
        self.shape = shape
        count = shape.reduce(1, *)
        self.keeper = keeper
    }

    /// `tensor` rounded to `format` (nearest even) in memory of its own.
    public convenience init(_ tensor: Tensor, format: Format) {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(tensor.count * 2, 2), alignment: 64)
        Self.narrow(tensor.pointer, into: memory, count: tensor.count, format: format)
        self.init(borrowing: UnsafeRawPointer(memory), format: format, shape: tensor.shape, keeper: Owned())
        keeper = nil
        owned = memory
    }

    deinit { owned?.deallocate() }

    /// The number of outputs (rows of W).
    public var outputs: Int { shape[0] }

    /// Bytes held (2 per value).
    public var byteCount: Int { count * 2 }

    /// The same values seen with another shape of the same element count, or the rows
    /// `rows` of this weight (the whole trailing shape kept), borrowing these bytes.
    public func viewed(as newShape: [Int], rows: Range<Int>? = nil) -> HalfWeights {
        let rowSize = count / max(shape[0], 1)
        let start = (rows?.lowerBound ?? 0) * rowSize
        let viewShape = rows.map { [$0.count] + Array(shape.dropFirst()) } ?? newShape
        precondition(viewShape.reduce(1, *) <= count - start, "half weights: view \(viewShape) of \(shape)")
        return HalfWeights(borrowing: bytes + 2 * start, format: format, shape: viewShape, keeper: keeper ?? self)
    }

    /// The values widened to fp32 into `destination` (`count` floats), in parallel for large
    /// weights.
    public func widen(into destination: UnsafeMutablePointer<Float>) {
        let chunk = 1 << 16
        let source = bytes, format = format, total = count
        Parallel.forEachRange((total + chunk - 1) / chunk, minimumPerWorker: 4) { chunks in
            let first = chunks.lowerBound * chunk, end = min(total, chunks.upperBound * chunk)
            switch format {
            case .float16: easel_widen_f16(source + 2 * first, destination + first, end - first)
            case .bfloat16: easel_widen_bf16(source + 2 * first, destination + first, end - first)
            }
        }
    }

    /// The values as a new fp32 tensor.
    public func widened() -> Tensor {
        let out = Tensor(uninitialized: shape)
        widen(into: out.pointer)
        return out
    }

    /// Replaces the values with `weight` (same element count) rounded to this format, in
    /// memory of its own (the file's pages are never written): how a LoRA merge or its removal
    /// changes a half-stored layer. Restoring the file's values gives them back exactly.
    public func overwrite(with weight: Tensor) {
        precondition(weight.count == count, "overwrite: \(weight.shape) into half weights \(shape)")
        let memory = owned ?? UnsafeMutableRawPointer.allocate(byteCount: max(count * 2, 2), alignment: 64)
        Self.narrow(weight.pointer, into: memory, count: count, format: format)
        owned = memory
        bytes = UnsafeRawPointer(memory)
        keeper = nil
    }

    /// Hands the file pages these values occupy back to the system, when they are borrowed
    /// from a mapping that can release them; the next product reads them from the file again.
    /// A generation calls this for the networks it no longer needs (the text encoders after
    /// conditioning, the UNet before the VAE decode), so they do not count in its peak memory.
    public func releaseFilePages() {
        guard owned == nil, let releaser = keeper as? PageReleasing else { return }
        releaser.releasePages(bytes, byteCount: byteCount)
    }

    /// This weight as a layer's `GEMMWeight`: the shared scratch buffer, when next allocated,
    /// is made large enough for it.
    public var asLayerWeight: GEMMWeight {
        HalfWeightScratch.shared.expect(count)
        return .half(self)
    }

    /// Runs `body` with these values widened to fp32 (a tensor of `shape` over the shared
    /// scratch buffer, valid only inside `body`).
    public func withFP32<T>(_ body: (Tensor) -> T) -> T {
        HalfWeightScratch.shared.withWidened(self, body)
    }

    static func narrow(_ source: UnsafePointer<Float>, into memory: UnsafeMutableRawPointer, count: Int, format: Format) {
        switch format {
        case .float16: easel_narrow_f16(source, memory, count)
        case .bfloat16: easel_narrow_bf16(source, memory, count)
        }
    }

    /// A keeper for the moment between allocation and taking ownership.
    private final class Owned {}
}
