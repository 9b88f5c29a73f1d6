import Foundation

/// Parses `--seed`: a decimal from 0 to 2^64−1, or -1 for a random seed in A1111's range
/// (A1111 `modules/processing.py`, `get_fixed_seed`: `random.randrange(4294967294)`).
enum SeedArgument {
    static func parse(_ text: String) throws -> UInt64 {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "-1" { return UInt64.random(in: 0..<4_294_967_294) }
        guard let seed = UInt64(trimmed) else {
            throw CLIError("seed: expected an integer from 0 to 18446744073709551615 or -1, got '\(text)'")
        }
        return seed
    }
}
