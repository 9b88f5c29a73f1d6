/// An extra-network tag such as `<lora:name:0.8>` or `<hypernet:name>`: A1111's
/// `re_extra_net = <(\w+):([^>]+)>` and `ExtraNetworkParams` (`modules/extra_networks.py`).
public struct ExtraNetworkTag: Equatable, Hashable, Sendable {
    /// The network kind before the first colon, e.g. `lora`.
    public var kind: String
    /// The text after the kind, split on `:` (A1111's `items`).
    public var arguments: [String]

    public init(kind: String, arguments: [String]) {
        self.kind = kind
        self.arguments = arguments
    }

    /// The tag as written in the prompt.
    public var text: String { "<" + ([kind] + arguments).joined(separator: ":") + ">" }

    /// Arguments that are not `key=value` (A1111 splits with `split('=', 2)`, so `a=b=c` is
    /// positional too).
    public var positionalArguments: [String] {
        arguments.filter { $0.split(separator: "=", maxSplits: 2, omittingEmptySubsequences: false).count != 2 }
    }

    /// `key=value` arguments, later ones winning as in a Python dict.
    public var namedArguments: [String: String] {
        var named: [String: String] = [:]
        for argument in arguments {
            let parts = argument.split(separator: "=", maxSplits: 2, omittingEmptySubsequences: false)
            if parts.count == 2 { named[String(parts[0])] = String(parts[1]) }
        }
        return named
    }

    /// Removes every extra-network tag from `prompt` (A1111 `extra_networks.parse_prompt`,
    /// which replaces each match of `<(\w+):([^>]+)>` by nothing), returning the remaining text
    /// and the tags in order.
    public static func extract(from prompt: String) -> (text: String, tags: [ExtraNetworkTag]) {
        let scalars = Array(prompt.unicodeScalars)
        var remaining: [Unicode.Scalar] = []
        var tags: [ExtraNetworkTag] = []
        var copiedUpTo = 0
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "<", let (end, tag) = match(scalars, at: i) else {
                i += 1
                continue
            }
            remaining.append(contentsOf: scalars[copiedUpTo..<i])
            tags.append(tag)
            copiedUpTo = end
            i = end
        }
        remaining.append(contentsOf: scalars[copiedUpTo...])
        return (String(scalars: remaining), tags)
    }

    /// `<(\w+):([^>]+)>` at `start`: word characters, a colon, then at least one character up
    /// to the first `>`. Neither part can backtrack into a match, so a direct scan suffices.
    private static func match(_ scalars: [Unicode.Scalar], at start: Int) -> (end: Int, tag: ExtraNetworkTag)? {
        var i = start + 1
        while i < scalars.count, PythonCharacterClass.isWordCharacter(scalars[i]) { i += 1 }
        guard i > start + 1, i < scalars.count, scalars[i] == ":" else { return nil }
        let kindEnd = i
        i += 1
        let argumentsStart = i
        while i < scalars.count, scalars[i] != ">" { i += 1 }
        guard i > argumentsStart, i < scalars.count else { return nil }
        let kind = String(scalars: scalars[(start + 1)..<kindEnd])
        let arguments = String(scalars: scalars[argumentsStart..<i])
            .split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        return (i + 1, ExtraNetworkTag(kind: kind, arguments: arguments))
    }
}
