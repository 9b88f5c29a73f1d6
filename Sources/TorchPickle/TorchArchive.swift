import Foundation

/// A `torch.save` file in the zip format (PyTorch ≥ 1.6): `<name>/data.pkl` read by the
/// `RestrictedUnpickler`, tensors' bytes from `<name>/data/<key>`. Legacy (pre-zip) pickles
/// are refused: their tensors are interleaved with the pickle stream and A1111 has not written
/// them for years.
///
/// Reference: torch `torch/serialization.py`, `_load` (`persistent_load`, `load_tensor`);
/// `torch/_utils.py`, `_rebuild_tensor_v2`.
public struct TorchArchive {
    public let file: String
    /// The unpickled root object.
    public let root: PickleValue
    private let archive: StoredZipArchive
    private let prefix: String

    /// Reads `url` (at most `maximumBytes`; embeddings are kilobytes, LoRA `.pt` files megabytes).
    public init(contentsOf url: URL, maximumBytes: Int = 512 << 20) throws {
        let name = url.lastPathComponent
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size <= maximumBytes else { throw PickleError(file: name, reason: "\(size) bytes is too large") }
        guard let data = try? Data(contentsOf: url) else { throw PickleError(file: name, reason: "cannot be read") }
        try self.init(bytes: [UInt8](data), file: name)
    }

    public init(bytes: [UInt8], file: String) throws {
        self.file = file
        guard bytes.starts(with: [0x50, 0x4b, 0x03, 0x04]) else {
            throw PickleError(file: file, reason: "not a zip-format torch file (legacy pickles are not read)")
        }
        archive = try StoredZipArchive(data: bytes, file: file)
        guard let pickleName = archive.names.first(where: { $0.hasSuffix("/data.pkl") || $0 == "data.pkl" }),
              let pickle = archive.member(pickleName) else {
            throw PickleError(file: file, reason: "no data.pkl in the archive")
        }
        prefix = String(pickleName.dropLast("data.pkl".count))
        root = try RestrictedUnpickler.load(Array(pickle), file: file)
    }

    /// The tensor's values as fp32, row-major in its shape (strides are honoured).
    public func floats(_ tensor: TorchTensorReference) throws -> [Float] {
        let storage = tensor.storage
        guard let raw = archive.member(prefix + "data/" + storage.key),
              raw.count >= storage.count * storage.type.elementSize else {
            throw PickleError(file: file, reason: "storage '\(storage.key)' is missing or short")
        }
        let count = tensor.shape.reduce(1, *)
        var out = [Float](repeating: 0, count: count)
        var index = [Int](repeating: 0, count: tensor.shape.count)
        for i in 0..<count {
            let element = tensor.offset + zip(index, tensor.strides).reduce(0) { $0 + $1.0 * $1.1 }
            guard element >= 0, element < storage.count else {
                throw PickleError(file: file, reason: "tensor view lies outside its storage")
            }
            out[i] = Self.element(raw, element, storage.type)
            for axis in stride(from: index.count - 1, through: 0, by: -1) {
                index[axis] += 1
                if index[axis] < tensor.shape[axis] { break }
                index[axis] = 0
            }
        }
        return out
    }

    private static func element(_ raw: ArraySlice<UInt8>, _ i: Int, _ type: TorchStorageType) -> Float {
        let base = raw.startIndex + i * type.elementSize
        func word(_ n: Int) -> UInt64 { (0..<n).reduce(0) { $0 | UInt64(raw[base + $1]) << (8 * UInt64($1)) } }
        switch type {
        case .float: return Float(bitPattern: UInt32(word(4)))
        case .double: return Float(Double(bitPattern: word(8)))
        case .bfloat16: return Float(bitPattern: UInt32(word(2)) << 16)
        case .half: return Float(Float16(bitPattern: UInt16(word(2))))
        }
    }
}
