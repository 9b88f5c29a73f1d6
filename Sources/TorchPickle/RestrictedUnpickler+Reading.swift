/// Byte-level reads of the pickle stream; every read is bounds-checked.
extension RestrictedUnpickler {
    mutating func byte() throws -> UInt8 { try take(1)[0] }

    mutating func take(_ n: Int) throws -> [UInt8] {
        guard n >= 0, n <= bytes.count - position else { throw refuse("truncated pickle") }
        defer { position += n }
        return Array(bytes[position..<position + n])
    }

    mutating func littleEndian(_ n: Int) throws -> UInt64 {
        try take(n).enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }

    mutating func bigEndian8() throws -> UInt64 {
        try take(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// A length field of `n` bytes, as an Int within the stream.
    mutating func count(_ n: Int) throws -> Int {
        let value = try littleEndian(n)
        guard value <= UInt64(bytes.count) else { throw refuse("length \(value) beyond the pickle") }
        return Int(value)
    }

    /// LONG1: a little-endian two's-complement integer of `n` bytes (at most 8).
    mutating func long(_ n: Int) throws -> Int {
        guard n <= 8 else { throw refuse("integer of \(n) bytes is too large") }
        guard n > 0 else { return 0 }
        let raw = try littleEndian(n)
        let shift = UInt64(64 - 8 * n)
        return Int(Int64(bitPattern: raw << shift) >> Int64(shift))
    }

    mutating func text(_ n: Int) throws -> String {
        let raw = try take(n)
        guard let string = String(validatingUTF8: raw.map { CChar(bitPattern: $0) } + [0]) else {
            throw refuse("string is not UTF-8")
        }
        return string
    }

    /// A newline-terminated ASCII line (GLOBAL's module and name).
    mutating func line() throws -> String {
        guard let end = bytes[position...].firstIndex(of: 0x0a), end - position < 256 else {
            throw refuse("unterminated GLOBAL name")
        }
        let raw = bytes[position..<end]
        position = end + 1
        return String(decoding: raw, as: UTF8.self)
    }
}
