import Foundation
import RenderSettings

/// Dynamic Prompts' template syntax, expanded deterministically from a seed.
///
/// Syntax (adieyal/dynamicprompts, `docs/SYNTAX.md`): `{a|b|c}` picks one option; an option may
/// carry a weight, `{2::a|b}` (a twice as likely as b); `{2$$a|b|c}` picks two different
/// options and `{1-2$$a|b|c}` one or two, joined by ", "; braces nest; `__name__` picks one
/// line of the word list `name` (`__sub/name__` for a subfolder). What a word list's line holds
/// is expanded in turn. A backslash keeps the next character as written (A1111's `\(` too).
///
/// The choices come from SplitMix64 seeded with the render's seed (Easel's own generator:
/// the same seed always gives the same prompt here, but not the prompt Dynamic Prompts' Python
/// `random` would pick). A name with no list is left as written and reported; a list that
/// names itself stops at `maximumDepth`; expansion stops growing past `maximumLength`.
public struct WildcardExpander {
    /// The lines of a word list by name (`"colors"`, `"sub/name"`), nil when there is none.
    public var lookup: (String) -> [String]?
    public var maximumDepth = 16
    public var maximumLength = 32 * 1024

    public init(lookup: @escaping (String) -> [String]?) {
        self.lookup = lookup
    }

    /// The expansion of `template` and what went wrong on the way (each a one-line note).
    public struct Expansion: Equatable {
        public var text: String
        public var unknownNames: [String] = []
        public var notes: [String] = []
        /// Whether the template had any syntax (an unchanged template is not a template).
        public var changed: Bool { text != template }
        let template: String
    }

    /// Whether `text` has anything this expander would change (a `{`…`|`/`}` or a `__name__`).
    public static func hasSyntax(_ text: String) -> Bool {
        text.contains("{") || text.contains("__")
    }

    public func expand(_ template: String, seed: UInt64) -> Expansion {
        var state = State(rng: SplitMix64(seed: seed))
        let text = expand(Array(template), depth: 0, nesting: 0, &state)
        var result = Expansion(text: text, template: template)
        result.unknownNames = state.unknown
        result.notes = state.unknown.map { "wildcard '__\($0)__': no word list of that name; left as written" }
            + state.notes
        return result
    }

    struct State {
        var rng: SplitMix64
        var unknown: [String] = []
        var notes: [String] = []
        var length = 0

        mutating func note(_ text: String) { if !notes.contains(text) { notes.append(text) } }
    }

    /// `depth`: word lists entered; `nesting`: braces entered (past `maximumBraceNesting` a
    /// brace is plain text, which bounds the work on hostile input).
    private func expand(_ chars: [Character], depth: Int, nesting: Int, _ state: inout State) -> String {
        let closing = nesting < Self.maximumBraceNesting ? Self.matchingBraces(chars) : [:]
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count {
                out.append(c)
                out.append(chars[i + 1])
                i += 2
            } else if c == "{", let close = closing[i] {
                out += variant(Array(chars[(i + 1)..<close]), depth: depth, nesting: nesting + 1, &state)
                i = close + 1
            } else if c == "_", let (name, end) = Self.wildcardName(chars, at: i) {
                out += wildcard(name, depth: depth, &state)
                i = end
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    private func variant(_ body: [Character], depth: Int, nesting: Int, _ state: inout State) -> String {
        var options = Self.splitOptions(body)
        var count = 1...1
        if let (range, rest) = Self.countPrefix(options[0]) {
            count = range
            options[0] = rest
        }
        let weighted = options.map(Self.weight)
        let picked = pick(weighted, count: count, &state)
        return picked.map { expand($0, depth: depth, nesting: nesting, &state) }.joined(separator: ", ")
    }

    private func wildcard(_ name: String, depth: Int, _ state: inout State) -> String {
        let written = "__\(name)__"
        guard let lines = lookup(name), !lines.isEmpty else {
            if !state.unknown.contains(name) { state.unknown.append(name) }
            return written
        }
        guard depth < maximumDepth else {
            state.note("wildcard '\(written)': nested more than \(maximumDepth) deep; left as written")
            return written
        }
        guard state.length < maximumLength else {
            state.note("wildcards: expansion reached \(maximumLength / 1024) KiB; the rest is left as written")
            return written
        }
        let line = lines[Int(state.rng.next() % UInt64(lines.count))]
        state.length += line.utf8.count
        return expand(Array(line), depth: depth + 1, nesting: 0, &state)
    }

    /// `count` different options drawn by weight (fewer when there are fewer options).
    private func pick(_ options: [(weight: Double, text: [Character])], count: ClosedRange<Int>,
                      _ state: inout State) -> [[Character]] {
        var pool = options
        let span = UInt64(count.upperBound - count.lowerBound + 1)
        let n = min(count.lowerBound + Int(state.rng.next() % span), pool.count)
        var picked: [[Character]] = []
        for _ in 0..<n {
            let total = pool.reduce(0) { $0 + $1.weight }
            var r = state.rng.nextUnit() * total
            var index = pool.count - 1
            for (k, option) in pool.enumerated() {
                if r < option.weight { index = k; break }
                r -= option.weight
            }
            picked.append(pool.remove(at: index).text)
        }
        return picked
    }

    /// Braces nested deeper than this are plain text.
    static let maximumBraceNesting = 64

    /// For each `{` that closes, the index of its `}` (nested braces counted, a backslash's
    /// next character skipped), found in one pass.
    static func matchingBraces(_ chars: [Character]) -> [Int: Int] {
        var closing: [Int: Int] = [:]
        var open: [Int] = []
        var i = 0
        while i < chars.count {
            switch chars[i] {
            case "\\": i += 1
            case "{" where open.count < maximumBraceNesting: open.append(i)
            case "}": if let start = open.popLast() { closing[start] = i }
            default: break
            }
            i += 1
        }
        return closing
    }

    /// A variant's body split at its top-level `|`s.
    static func splitOptions(_ body: [Character]) -> [[Character]] {
        var options: [[Character]] = [[]]
        var depth = 0
        var i = 0
        while i < body.count {
            let c = body[i]
            if c == "\\", i + 1 < body.count {
                options[options.count - 1] += [c, body[i + 1]]
                i += 2
                continue
            }
            if c == "{" { depth += 1 }
            if c == "}" { depth -= 1 }
            if c == "|", depth == 0 { options.append([]) } else { options[options.count - 1].append(c) }
            i += 1
        }
        return options
    }

    /// `N$$rest` or `N-M$$rest` at the start of the first option.
    static func countPrefix(_ option: [Character]) -> (ClosedRange<Int>, [Character])? {
        let text = String(option)
        guard let marker = text.range(of: "$$") else { return nil }
        let head = text[..<marker.lowerBound].trimmingCharacters(in: .whitespaces)
        let bounds = head.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard (1...2).contains(bounds.count), let low = bounds[0], let high = bounds.last ?? nil,
              low >= 0, high >= low, high <= 1000 else { return nil }
        return (low...high, Array(text[marker.upperBound...]))
    }

    /// `2::text` → (2, "text"); an option without a weight weighs 1; a negative or non-finite
    /// weight is 0.
    static func weight(_ option: [Character]) -> (weight: Double, text: [Character]) {
        let text = String(option)
        guard let marker = text.range(of: "::"),
              let w = Double(text[..<marker.lowerBound].trimmingCharacters(in: .whitespaces)) else { return (1, option) }
        return (w.isFinite && w > 0 ? w : 0, Array(text[marker.upperBound...]))
    }

    /// A `__name__` starting at `i`: the name (letters, digits, `_ - . /`, no leading `/` and no
    /// `..`) and the index after the closing `__`.
    static func wildcardName(_ chars: [Character], at i: Int) -> (String, Int)? {
        guard i + 1 < chars.count, chars[i + 1] == "_" else { return nil }
        var j = i + 2
        while j + 1 < chars.count {
            if chars[j] == "_", chars[j + 1] == "_", j > i + 2 {
                let name = String(chars[(i + 2)..<j])
                return WildcardName.isValid(name) ? (name, j + 2) : nil
            }
            let c = chars[j]
            guard c.isLetter || c.isNumber || "_-./".contains(c) else { return nil }
            j += 1
        }
        return nil
    }
}

/// The names a `__name__` may use: no leading `/`, no `.` or `..` component, no empty component.
public enum WildcardName {
    public static func isValid(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.hasPrefix("_"), !name.hasSuffix("_") else { return false }
        return name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { $0 != "" && $0 != "." && $0 != ".." }
    }
}
