/// What a terminal said in answer to ``TerminalProbe``'s queries, parsed from its raw reply bytes.
///
/// Formats (xterm's "Xterm Control Sequences", ctlseqs):
/// - Primary Device Attributes, `CSI c` → `CSI ? Pm c`. Attribute 4 means "Sixel graphics";
///   xterm with `decTerminalID: vt340` answers `CSI ? 63;1;2;4;6;9;15;16;22;28 c`.
/// - XTVERSION, `CSI > 0 q` → `DCS > | text ST`, e.g. `DCS > | XTerm(388) ST`.
/// - Cell size in pixels, `CSI 16 t` → `CSI 6 ; height ; width t`.
/// Only 7-bit forms are recognised (CSI = `ESC [`, DCS = `ESC P`, ST = `ESC \`), which is what
/// terminals send unless an application switched them to 8-bit controls.
public struct TerminalReplies: Equatable, Sendable {
    /// The DA1 attribute numbers, or nil when there was no DA1 reply.
    public var deviceAttributes: [Int]?
    /// The XTVERSION text (terminal name and version), or nil when there was none.
    public var version: String?
    /// The size of one character cell in pixels, or nil when not reported.
    public var cellPixelSize: PixelSize?

    public init(deviceAttributes: [Int]? = nil, version: String? = nil, cellPixelSize: PixelSize? = nil) {
        self.deviceAttributes = deviceAttributes
        self.version = version
        self.cellPixelSize = cellPixelSize
    }

    /// Parses every reply found in `bytes` (they may arrive together, in any order, with other
    /// bytes around them).
    public init(parsing bytes: [UInt8]) {
        self.init()
        deviceAttributes = Self.controlSequence(in: bytes, prefix: Array("\u{1B}[?".utf8), final: UInt8(ascii: "c"))
        if let size = Self.controlSequence(in: bytes, prefix: Array("\u{1B}[6;".utf8), final: UInt8(ascii: "t")),
           size.count == 2, size[0] > 0, size[1] > 0 {
            cellPixelSize = PixelSize(width: size[1], height: size[0])
        }
        version = Self.versionString(in: bytes)
    }

    /// True when DA1 listed attribute 4 (sixel graphics).
    public var supportsSixel: Bool { deviceAttributes?.contains(4) ?? false }

    /// The numeric parameters of the first `prefix Pm final` sequence (Pm = digits and `;`).
    static func controlSequence(in bytes: [UInt8], prefix: [UInt8], final: UInt8) -> [Int]? {
        var start = 0
        while let match = firstIndex(of: prefix, in: bytes, from: start) {
            var end = match + prefix.count
            while end < bytes.count, bytes[end] == UInt8(ascii: ";") || (0x30...0x39).contains(bytes[end]) { end += 1 }
            if end < bytes.count, bytes[end] == final {
                let text = String(decoding: bytes[(match + prefix.count)..<end], as: UTF8.self)
                return text.split(separator: ";", omittingEmptySubsequences: false).compactMap { Int($0) }
            }
            start = match + 1
        }
        return nil
    }

    /// The text of the first `ESC P > | text ESC \` sequence.
    static func versionString(in bytes: [UInt8]) -> String? {
        guard let start = firstIndex(of: Array("\u{1B}P>|".utf8), in: bytes, from: 0),
              let end = firstIndex(of: [0x1B, 0x5C], in: bytes, from: start + 4) else { return nil }
        return String(decoding: bytes[(start + 4)..<end], as: UTF8.self)
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        for index in start...(bytes.count - needle.count) where bytes[index..<(index + needle.count)].elementsEqual(needle) {
            return index
        }
        return nil
    }
}
