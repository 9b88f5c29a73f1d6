import Foundation

/// A copy of a `.safetensors` file with `metadata` as its header's `__metadata__` (the tensors
/// and their offsets unchanged), as a civitai download carries `modelspec.*` keys.
public enum SafeTensorsMetadataCopy {
    public static func write(from source: URL, to destination: URL, metadata: [String: String]) throws {
        let bytes = try Data(contentsOf: source)
        let length = bytes.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        var header = try JSONSerialization.jsonObject(with: bytes.subdata(in: 8..<(8 + length))) as? [String: Any] ?? [:]
        header["__metadata__"] = metadata
        var json = [UInt8](try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]))
        while json.count % 8 != 0 { json.append(0x20) }
        try SafeTensorsWriter.file(header: json, data: [UInt8](bytes.dropFirst(8 + length))).write(to: destination)
    }
}
