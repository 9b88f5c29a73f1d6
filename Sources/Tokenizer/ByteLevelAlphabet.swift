/// GPT-2/CLIP's reversible byte-to-character table: printable Latin-1 bytes stand for
/// themselves, the other 68 bytes are shifted to U+0100 and up, so BPE never sees
/// whitespace or control characters. Port of `bytes_to_unicode` (OpenAI CLIP
/// `simple_tokenizer.py`, transformers `models/clip/tokenization_clip.py`).
enum ByteLevelAlphabet {
    /// The bytes in table order: `!`…`~`, `¡`…`¬`, `®`…`ÿ`, then the rest ascending. The order
    /// matters: open_clip's vocabulary lists the characters in exactly this order.
    static let bytesInOrder: [UInt8] = {
        var printable = Array(UInt8(ascii: "!")...UInt8(ascii: "~")) + Array(UInt8(0xA1)...UInt8(0xAC)) + Array(UInt8(0xAE)...UInt8(0xFF))
        let printableSet = Set(printable)
        printable += (0...255).map(UInt8.init).filter { !printableSet.contains($0) }
        return printable
    }()

    /// `characters[b]` is the one-character string that stands for byte `b`.
    static let characters: [String] = {
        var table = Array(repeating: "", count: 256)
        var shifted: UInt32 = 256
        for byte in bytesInOrder {
            let isPrintable = (0x21...0x7E).contains(byte) || (0xA1...0xAC).contains(byte) || byte >= 0xAE
            let scalar: Unicode.Scalar
            if isPrintable {
                scalar = Unicode.Scalar(byte)
            } else {
                scalar = Unicode.Scalar(shifted)!
                shifted += 1
            }
            table[Int(byte)] = String(Character(scalar))
        }
        return table
    }()
}
