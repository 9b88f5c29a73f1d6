import Foundation
import TestSupport

/// Reads float32 tensors from a fixture `.safetensors` file (8-byte little-endian header
/// length, JSON header, raw data). A small test-only reader until the SafeTensors module lands.
struct FixtureTensors {
    private let data: Data
    private let dataStart: Int
    private let offsets: [String: (dtype: String, range: Range<Int>)]

    init(_ relativePath: String) throws {
        data = try Fixtures.data(relativePath)
        let headerLength = data.prefix(8).enumerated()
            .reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        dataStart = 8 + headerLength
        let header = try JSONSerialization.jsonObject(with: data.subdata(in: 8..<dataStart)) as? [String: Any] ?? [:]
        var offsets: [String: (dtype: String, range: Range<Int>)] = [:]
        for (name, info) in header {
            guard let info = info as? [String: Any], let dtype = info["dtype"] as? String,
                  let range = info["data_offsets"] as? [Int] else { continue }
            offsets[name] = (dtype, range[0]..<range[1])
        }
        self.offsets = offsets
    }

    func values(_ name: String) throws -> [Float] {
        guard let entry = offsets[name], entry.dtype == "F32" else {
            throw NSError(domain: "FixtureTensors", code: 1,
                          userInfo: [NSLocalizedDescriptionKey: "no F32 tensor '\(name)' in fixture"])
        }
        let bytes = data.subdata(in: (dataStart + entry.range.lowerBound)..<(dataStart + entry.range.upperBound))
        return bytes.withUnsafeBytes { raw in
            (0..<(bytes.count / 4)).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self))) }
        }
    }
}
