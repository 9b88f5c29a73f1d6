import Foundation

/// Builds `.safetensors` bytes by hand for tests: an 8-byte little-endian header length, the
/// JSON header, then the data section (format: huggingface/safetensors `README.md`).
public struct SafeTensorsWriter {
    public struct Item {
        public var name: String
        public var dtype: String
        public var shape: [Int]
        public var bytes: [UInt8]
    }

    public var items: [Item] = []
    public var metadata: [String: String]? = nil

    public init() {}

    /// Adds an F32 tensor holding `values`.
    public mutating func add(_ name: String, shape: [Int], floats values: [Float]) {
        add(name, dtype: "F32", shape: shape, bytes: values.flatMap { littleEndianBytes($0.bitPattern) })
    }

    /// Adds an F32 tensor of zeros (enough for tests that look only at names and shapes).
    public mutating func add(_ name: String, shape: [Int]) {
        add(name, dtype: "F32", shape: shape, bytes: [UInt8](repeating: 0, count: shape.reduce(4, *)))
    }

    /// Adds a tensor of any dtype from raw little-endian bytes.
    public mutating func add(_ name: String, dtype: String, shape: [Int], bytes: [UInt8]) {
        items.append(Item(name: name, dtype: dtype, shape: shape, bytes: bytes))
    }

    /// The whole file: tensors laid out one after another in the order added.
    public func data() -> Data {
        var header: [String: Any] = [:]
        var body: [UInt8] = []
        for item in items {
            header[item.name] = ["dtype": item.dtype, "shape": item.shape,
                                 "data_offsets": [body.count, body.count + item.bytes.count]]
            body += item.bytes
        }
        if let metadata { header["__metadata__"] = metadata }
        var json = [UInt8](try! JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]))
        // Pad with spaces so the data section starts 8-byte aligned, as the reference writer does.
        while json.count % 8 != 0 { json.append(0x20) }
        return Self.file(header: json, data: body)
    }

    public func write(to url: URL) throws { try data().write(to: url) }

    /// Raw file bytes from a header (any bytes, valid or not) and a data section.
    public static func file(header: [UInt8], data: [UInt8], headerLength: UInt64? = nil) -> Data {
        let length = headerLength ?? UInt64(header.count)
        return Data(littleEndianBytes(length) + header + data)
    }

    /// Raw file bytes from a header string.
    public static func file(header: String, data: [UInt8] = []) -> Data {
        file(header: Array(header.utf8), data: data)
    }
}

/// The little-endian bytes of an integer.
public func littleEndianBytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
    withUnsafeBytes(of: value.littleEndian) { Array($0) }
}
