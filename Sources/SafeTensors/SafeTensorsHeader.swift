import Foundation

/// The parsed and validated header of a `.safetensors` file.
///
/// Format (huggingface/safetensors, `README.md` "Format" and `safetensors/src/tensor.rs`,
/// `Metadata::validate`): 8 bytes little-endian header length N, then N bytes of JSON
/// `{"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, ...,
/// "__metadata__": {"k": "v"}}`, then the data section, offsets relative to its start.
struct SafeTensorsHeader {
    /// The largest header accepted, checked before anything is allocated. The reference
    /// implementation uses the same bound (`MAX_HEADER_SIZE = 100_000_000` in `tensor.rs`).
    static let maxLength = 100_000_000

    let entries: [String: SafeTensorsEntry]
    let metadata: [String: String]
    /// Offset of the data section from the start of the file.
    let dataStart: Int

    /// Parses and validates the header found at the start of `bytes` (the whole file).
    init(fileBytes bytes: UnsafeRawBufferPointer, file: String) throws {
        guard bytes.count >= 8 else {
            throw SafeTensorsError(file: file, reason: .truncated(fileSize: bytes.count))
        }
        let length = UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self))
        guard length <= UInt64(Self.maxLength) else {
            throw SafeTensorsError(file: file, reason: .headerTooLarge(headerLength: length, limit: Self.maxLength))
        }
        guard length <= UInt64(bytes.count - 8) else {
            throw SafeTensorsError(file: file, reason: .headerPastEnd(headerLength: length, fileSize: bytes.count))
        }
        dataStart = 8 + Int(length)
        let json = Data(UnsafeRawBufferPointer(rebasing: bytes[8..<dataStart]))
        let raw = try Self.decode(json, file: file)
        if let key = JSONDuplicateKeys.first(in: json) {
            throw SafeTensorsError(file: file, reason: .duplicateKey(key))
        }
        metadata = raw.metadata
        entries = try Self.validate(raw.entries, dataSize: bytes.count - dataStart, file: file)
    }

    private static func decode(_ json: Data, file: String) throws -> RawHeader {
        do {
            return try JSONDecoder().decode(RawHeader.self, from: json)
        } catch let error as SafeTensorsError {
            throw SafeTensorsError(file: file, tensor: error.tensor, reason: error.reason)
        } catch let DecodingError.dataCorrupted(context) {
            let cause = context.underlyingError.map { "\($0)" } ?? context.debugDescription
            throw SafeTensorsError(file: file, reason: .invalidJSON(cause))
        } catch {
            throw SafeTensorsError(file: file, reason: .invalidJSON("the header is not a JSON object"))
        }
    }

    /// Checks each entry's numbers, then that no two byte ranges overlap.
    private static func validate(_ raw: [String: RawEntry], dataSize: Int,
                                 file: String) throws -> [String: SafeTensorsEntry] {
        var entries: [String: SafeTensorsEntry] = [:]
        for name in raw.keys.sorted() {
            do {
                entries[name] = try raw[name]!.validated(name: name, dataSize: dataSize)
            } catch let reason as SafeTensorsError.Reason {
                throw SafeTensorsError(file: file, tensor: name, reason: reason)
            }
        }
        let byOffset = entries.values.filter { !$0.dataRange.isEmpty }
            .sorted { ($0.dataRange.lowerBound, $0.name) < ($1.dataRange.lowerBound, $1.name) }
        for (previous, next) in zip(byOffset, byOffset.dropFirst())
        where next.dataRange.lowerBound < previous.dataRange.upperBound {
            throw SafeTensorsError(file: file, tensor: next.name, reason: .overlaps(other: previous.name))
        }
        return entries
    }
}

extension SafeTensorsError.Reason: Error {}

/// The header's JSON object: tensors by name plus the optional `__metadata__`.
private struct RawHeader: Decodable {
    var entries: [String: RawEntry] = [:]
    var metadata: [String: String] = [:]

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        for key in container.allKeys {
            if key.stringValue == "__metadata__" {
                guard let metadata = try? container.decode([String: String].self, forKey: key) else {
                    throw SafeTensorsError(file: "", reason: .invalidJSON("__metadata__ must map strings to strings"))
                }
                self.metadata = metadata
                continue
            }
            do {
                entries[key.stringValue] = try container.decode(RawEntry.self, forKey: key)
            } catch let error as DecodingError {
                throw SafeTensorsError(file: "", tensor: key.stringValue, reason: .invalidEntry(Self.explain(error)))
            } catch {
                // The decoder reports a number that is no Int (2.5, 1e30) with its own error type.
                throw SafeTensorsError(file: "", tensor: key.stringValue,
                                       reason: .invalidEntry("'shape' and 'data_offsets' must hold integers"))
            }
        }
    }

    /// A one-line account of what was wrong with an entry's fields.
    private static func explain(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _):
            return "no '\(key.stringValue)' field"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let field = context.codingPath.dropFirst().first?.stringValue ?? "entry"
            let expected = field == "dtype" ? "a string" : field == "entry" ? "an object" : "a list of integers"
            return "'\(field)' must be \(expected)"
        @unknown default:
            return "malformed entry"
        }
    }
}

/// An entry as written, before its numbers are checked.
private struct RawEntry: Decodable {
    let dtype: String
    let shape: [Int]
    let dataOffsets: [Int]

    enum CodingKeys: String, CodingKey {
        case dtype, shape
        case dataOffsets = "data_offsets"
    }

    func validated(name: String, dataSize: Int) throws -> SafeTensorsEntry {
        guard shape.allSatisfy({ $0 >= 0 }) else {
            throw SafeTensorsError.Reason.invalidEntry("shape \(shape) has a negative dimension")
        }
        guard Self.byteCount(shape: shape, elementSize: 1) != nil else {
            throw SafeTensorsError.Reason.invalidEntry("shape \(shape) has more elements than can be counted")
        }
        guard dataOffsets.count == 2, dataOffsets[0] >= 0, dataOffsets[1] >= dataOffsets[0] else {
            throw SafeTensorsError.Reason.invalidEntry("data_offsets \(dataOffsets) must be [begin, end] with 0 ≤ begin ≤ end")
        }
        let begin = dataOffsets[0], end = dataOffsets[1]
        guard end <= dataSize else {
            throw SafeTensorsError.Reason.offsetsOutOfRange(begin: begin, end: end, dataSize: dataSize)
        }
        let type = SafeTensorsDType(code: dtype)
        if let size = type.elementSize {
            let expected = Self.byteCount(shape: shape, elementSize: size)
            guard expected == end - begin else {
                throw SafeTensorsError.Reason.sizeMismatch(shape: shape, dtype: dtype,
                                                           expectedBytes: expected ?? Int.max, actualBytes: end - begin)
            }
        }
        return SafeTensorsEntry(name: name, dtype: type, shape: shape, dataRange: begin..<end)
    }

    /// Elements × element size, or nil when the product overflows.
    private static func byteCount(shape: [Int], elementSize: Int) -> Int? {
        var total = elementSize
        for dimension in shape {
            let (product, overflow) = total.multipliedReportingOverflow(by: dimension)
            if overflow { return nil }
            total = product
        }
        return total
    }
}
