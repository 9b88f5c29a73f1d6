import SafeTensors
import Tensor

/// CLIP's token embedding table [vocabulary, width]: fp32, or in the bf16 mode rounded to
/// bfloat16 (half the memory: 76 MB less for CLIP-L) and widened one row at a time on lookup,
/// or with half-stored weights the file's own fp16/bf16 rows, borrowed and widened on lookup.
struct TokenEmbeddingTable {
    private enum Storage {
        case fp32(Tensor)
        case bf16([UInt16])
        case half(HalfWeights)
    }

    private let storage: Storage
    let width: Int

    init(_ table: Tensor, precision: Precision) {
        width = table.shape[1]
        switch Precision.resolve(precision) {
        case .fp32, .fp32HalfWeights:
            storage = .fp32(table)
        case .bf16:
            // Round to nearest even on the bit pattern, as the bf16 GEMM packs its operands.
            storage = .bf16((0..<table.count).map { i in
                let u = table.pointer[i].bitPattern
                return UInt16(truncatingIfNeeded: (u &+ 0x7fff &+ ((u >> 16) & 1)) >> 16)
            })
        }
    }

    /// The file's 16-bit table [vocabulary, width], as it is.
    init(half table: HalfWeights) {
        width = table.shape[1]
        storage = .half(table)
    }

    /// Hands a borrowed 16-bit table's file pages back (`HalfWeights.releaseFilePages`).
    func releaseFilePages() {
        if case let .half(table) = storage { table.releaseFilePages() }
    }

    /// dst[0..<width] = row `id` + `add`[0..<width].
    func lookup(_ id: Int, adding add: UnsafePointer<Float>, into dst: UnsafeMutablePointer<Float>) {
        switch storage {
        case let .fp32(table):
            let row = table.pointer + id * width
            for i in 0..<width { dst[i] = row[i] + add[i] }
        case let .bf16(halves):
            halves.withUnsafeBufferPointer { buffer in
                HalfPrecision.widenBFloat16(UnsafeRawPointer(buffer.baseAddress! + id * width), into: dst, count: width)
            }
            for i in 0..<width { dst[i] += add[i] }
        case let .half(table):
            table.viewed(as: [1, width], rows: id ..< id + 1).widen(into: dst)
            for i in 0..<width { dst[i] += add[i] }
        }
    }
}
