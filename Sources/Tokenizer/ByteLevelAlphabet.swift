/// GPT-2/CLIP's reversible byte → printable-character map, so BPE can work on text made of
/// visible characters only.
///
/// Port of OpenAI CLIP `simple_tokenizer.py` / transformers `tokenization_clip.py`,
/// `bytes_to_unicode`: printable Latin-1 bytes map to themselves, the other 68 bytes to
/// U+0100 upwards, in byte order.
enum ByteLevelAlphabet {
    /// Bytes in the reference's order (printable ranges first, then the rest).
    static let orderedBytes: [UInt8] = {
        var bytes = Array(33...126) + Array(161...172) + Array(174...255)
        bytes += (0...255).filter { !bytes.contains($0) }
        return bytes.map { UInt8($0) }
    }()

    /// The character each byte stands for, indexed by byte value.
    static let characterForByte: [Character] = {
        let printable = Set(Array(33...126) + Array(161...172) + Array(174...255))
        var table = [Character](repeating: " ", count: 256)
        var next = 256
        for byte in 0..<256 {
            if printable.contains(byte) {
                table[byte] = Character(Unicode.Scalar(UInt32(byte))!)
            } else {
                table[byte] = Character(Unicode.Scalar(UInt32(next))!)
                next += 1
            }
        }
        return table
    }()
}
