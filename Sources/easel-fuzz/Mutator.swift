import RenderSettings
import FuzzTargets

/// Makes new inputs from corpus entries with libFuzzer's kinds of mutation (LLVM
/// `compiler-rt/lib/fuzzer/FuzzerMutate.cpp`: change, insert, erase, copy a part, insert a
/// dictionary word, an interesting number, cross over with another entry), plus one of its own:
/// repeat a piece many times, which finds steps that are superlinear in the input's length.
struct Mutator {
    var random: SplitMix64
    let dictionary: [[UInt8]]
    let maximumLength: Int

    private static let numbers = ["0", "-1", "1", "255", "65535", "4294967296", "9223372036854775807",
                                  "18446744073709551616", "1e308", "-1e308", "1e-308", "NaN", "inf", "0.5", "1.1"]
                                  .map { Array($0.utf8) }

    init(seed: UInt64, dictionary: [String], maximumLength: Int) {
        random = SplitMix64(seed: seed)
        self.dictionary = dictionary.map { Array($0.utf8) }
        self.maximumLength = maximumLength
    }

    /// `input` with one to four mutations; `other` is a second corpus entry for crossover.
    mutating func mutate(_ input: [UInt8], other: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) { mutateOnce(&bytes, other: other) }
        if bytes.count > maximumLength { bytes.removeLast(bytes.count - maximumLength) }
        return bytes
    }

    private mutating func mutateOnce(_ bytes: inout [UInt8], other: [UInt8]) {
        let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
        switch Int.random(in: 0..<10, using: &random) {
        case 0 where !bytes.isEmpty:   // flip a bit
            let i = min(position, bytes.count - 1)
            bytes[i] ^= 1 << UInt8.random(in: 0..<8, using: &random)
        case 1 where !bytes.isEmpty:   // change a byte
            bytes[min(position, bytes.count - 1)] = UInt8.random(in: 0...255, using: &random)
        case 2:                        // insert random bytes
            bytes.insert(contentsOf: (0..<Int.random(in: 1...8, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) },
                         at: position)
        case 3 where !bytes.isEmpty:   // erase a range
            let end = min(bytes.count, position + Int.random(in: 1...16, using: &random))
            bytes.removeSubrange(min(position, bytes.count - 1)..<end)
        case 4 where !bytes.isEmpty:   // copy a part elsewhere
            let start = Int.random(in: 0..<bytes.count, using: &random)
            let part = Array(bytes[start..<min(bytes.count, start + Int.random(in: 1...32, using: &random))])
            bytes.insert(contentsOf: part, at: position)
        case 5, 6 where !dictionary.isEmpty:
            bytes.insert(contentsOf: dictionary.randomElement(using: &random)!, at: position)
        case 7:
            bytes.insert(contentsOf: Self.numbers.randomElement(using: &random)!, at: position)
        case 8 where !other.isEmpty:   // crossover: our prefix, the other's suffix
            let cut = Int.random(in: 0...other.count, using: &random)
            bytes = Array(bytes[..<position]) + other[cut...]
        case 9:                        // repeat a piece (or a dictionary word) many times
            let piece = bytes.isEmpty || Bool.random(using: &random)
                ? dictionary.randomElement(using: &random) ?? [0x28]
                : Array(bytes[min(position, bytes.count - 1)..<min(bytes.count, position + 4)])
            let times = [10, 100, 1000, 10_000].randomElement(using: &random)!
            let room = max(0, (maximumLength - bytes.count) / max(1, piece.count))
            bytes.insert(contentsOf: Array(repeating: piece, count: min(times, room)).joined(), at: position)
        default:
            bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
        }
    }
}
