import Foundation

/// Finds the `Key: value` pairs of a parameter line exactly as `re.finditer(re_param_code, line)`
/// does in A1111 (`modules/infotext_utils.py`), in linear time.
///
/// Run as one search, the pattern `\s*(\w[\w \-/]+):\s*(…)` is quadratic: from every start in a
/// long run of words and spaces with no `:` after it, `[\w \-/]+` reads to the end of the run
/// and backs off character by character (32 KB of "at at at …" took over 10 s; found by
/// `easel-fuzz`, issue 17). A match can only start where the key's run of `[\w \-/]` ends at a
/// `:` — the key's characters exclude `:`, so backing off never finds an earlier one. The
/// scanner precomputes, in three linear passes of simple classes with the same regex engine (so
/// `\w` and `\s` mean what they mean in the pattern), where each run ends, and tries the full
/// pattern, anchored, only at such starts; each try then costs the length of its match.
struct InfotextParameterScanner {
    private static let wordRuns = try! NSRegularExpression(pattern: #"\w+"#)
    private static let spaceRuns = try! NSRegularExpression(pattern: #"\s+"#)
    private static let keyRuns = try! NSRegularExpression(pattern: #"[\w \-/]+"#)

    let utf16: [UInt16]
    private let line: String
    private var isWord: [Bool]
    private var spaceRunEnd: [Int]
    private var keyRunEnd: [Int]

    init(_ line: String) {
        self.line = line
        utf16 = Array(line.utf16)
        let count = utf16.count
        isWord = Array(repeating: false, count: count + 1)
        spaceRunEnd = Array(0...count)
        keyRunEnd = Array(0...count)
        let whole = NSRange(location: 0, length: count)
        for match in Self.wordRuns.matches(in: line, range: whole) {
            for i in match.range.location..<NSMaxRange(match.range) { isWord[i] = true }
        }
        for match in Self.spaceRuns.matches(in: line, range: whole) {
            for i in match.range.location..<NSMaxRange(match.range) { spaceRunEnd[i] = NSMaxRange(match.range) }
        }
        for match in Self.keyRuns.matches(in: line, range: whole) {
            for i in match.range.location..<NSMaxRange(match.range) { keyRunEnd[i] = NSMaxRange(match.range) }
        }
    }

    /// True when `pattern` can match at `start`: after the spaces, a word character and at
    /// least one more key character, then `:`.
    private func canMatch(at start: Int) -> Bool {
        if (0xDC00...0xDFFF).contains(utf16[start]) { return false }   // inside a surrogate pair
        let key = spaceRunEnd[start]
        guard key + 1 < utf16.count, isWord[key] else { return false }
        let end = keyRunEnd[key + 1]
        return end >= key + 2 && end < utf16.count && utf16[end] == 0x3A
    }

    /// The matches of `pattern` (A1111's `re_param_code`), in order, calling `body` for each
    /// until it returns false.
    func forEachMatch(of pattern: NSRegularExpression, _ body: (NSTextCheckingResult) -> Bool) {
        var start = 0
        while start < utf16.count {
            guard canMatch(at: start),
                  let match = pattern.firstMatch(in: line, options: .anchored,
                                                 range: NSRange(location: start, length: utf16.count - start)),
                  match.range.length > 0 else {
                start += 1
                continue
            }
            guard body(match) else { return }
            start = NSMaxRange(match.range)
        }
    }
}
