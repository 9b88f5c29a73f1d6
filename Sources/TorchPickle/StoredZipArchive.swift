import Foundation

/// The entries of a zip file whose members are stored uncompressed, as `torch.save` writes
/// them (PyTorch `caffe2/serialize/inline_container.cc` writes with no compression). Reads
/// the end-of-central-directory record and the central directory, then each member through
/// its local header; every offset is checked against the file size.
///
/// Format: PKWARE `APPNOTE.TXT` sections 4.3.7 (local header), 4.3.12 (central directory
/// header) and 4.3.16 (end of central directory).
public struct StoredZipArchive {
    public let file: String
    private let data: [UInt8]
    /// Member name → (data offset, size).
    private let members: [String: (offset: Int, size: Int)]

    public init(data: [UInt8], file: String) throws {
        self.file = file
        self.data = data
        members = try Self.readDirectory(data, file: file)
    }

    public var names: [String] { members.keys.sorted() }

    /// The bytes of member `name`, or nil when the archive has no such member.
    public func member(_ name: String) -> ArraySlice<UInt8>? {
        guard let m = members[name] else { return nil }
        return data[m.offset..<m.offset + m.size]
    }

    private static func readDirectory(_ d: [UInt8], file: String) throws -> [String: (offset: Int, size: Int)] {
        func fail(_ reason: String) -> PickleError { PickleError(file: file, reason: "not a torch zip archive: \(reason)") }
        func u16(_ at: Int) -> Int { Int(d[at]) | Int(d[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        guard d.count >= 22 else { throw fail("too short") }
        // The end record sits in the last 22 + 65 535 (comment) bytes.
        let earliest = max(0, d.count - 22 - 65_535)
        guard let end = stride(from: d.count - 22, through: earliest, by: -1).first(where: { u32($0) == 0x0605_4b50 }) else {
            throw fail("no end-of-central-directory record")
        }
        let count = u16(end + 10), directorySize = u32(end + 12), directoryStart = u32(end + 16)
        guard directoryStart + directorySize <= end, count != 0xffff else { throw fail("bad central directory (zip64 is not read)") }
        var members: [String: (offset: Int, size: Int)] = [:]
        var at = directoryStart
        for _ in 0..<count {
            guard at + 46 <= end, u32(at) == 0x0201_4b50 else { throw fail("bad central directory entry") }
            let method = u16(at + 10), size = u32(at + 20), stored = u32(at + 24)
            let nameLength = u16(at + 28), extraLength = u16(at + 30), commentLength = u16(at + 32)
            let local = u32(at + 42)
            guard at + 46 + nameLength <= end else { throw fail("entry name beyond the directory") }
            let name = String(decoding: d[at + 46..<at + 46 + nameLength], as: UTF8.self)
            guard method == 0, size == stored else { throw fail("member '\(name)' is compressed") }
            guard local + 30 <= d.count, u32(local) == 0x0403_4b50 else { throw fail("bad local header for '\(name)'") }
            let start = local + 30 + u16(local + 26) + u16(local + 28)
            guard start + size <= d.count else { throw fail("member '\(name)' runs past the end") }
            members[name] = (start, size)
            at += 46 + nameLength + extraLength + commentLength
        }
        return members
    }
}
