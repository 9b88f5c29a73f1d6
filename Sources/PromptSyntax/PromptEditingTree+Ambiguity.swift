extension PromptEditingTree {
    /// Reproduces how A1111's parser (lark's Earley parser, `ambiguity='resolve'`) chooses
    /// between two readings of a top-level construct followed by loose brackets or colons.
    ///
    /// The grammar's `start` rule accepts `[ ] ( ) :` one at a time outside any construct, so
    /// `[a:2]::` can be read as an edit followed by two loose colons, or as seven loose
    /// characters and plain text. lark breaks this tie by its internal order, which works out
    /// as: a top-level construct immediately followed by a run of loose characters of even,
    /// non-zero length is read as loose text (`[a:2]::` stays text, `[a:2]:` and `[a:2]:::` are
    /// edits). Constructs are considered right to left, because dissolving one lengthens the
    /// run after the construct before it; an alternation cannot dissolve (a loose `|` is not
    /// in the grammar). Checked against A1111's own grammar with lark 1.3.1 on random prompts.
    mutating func dissolveConstructsBeforeEvenLooseRuns() {
        var nodes = sequences[Self.root]
        var index = nodes.count - 1
        while index >= 0 {
            let layout: Int?
            switch nodes[index] {
            case .group(let sequence): layout = sequence
            case .edit(let id): layout = edits[id].layout
            case .text, .alternation: layout = nil
            }
            let run = layout == nil ? 0 : looseRunLength(in: nodes, after: index)
            if let layout, run > 0, run % 2 == 0 {
                let expansion = sequences[layout]
                nodes.replaceSubrange(index...index, with: expansion)
                index += expansion.count - 1
            } else {
                index -= 1
            }
        }
        sequences[Self.root] = nodes
    }

    /// How many loose `[ ] ( ) :` characters directly follow `nodes[index]` at the top level.
    /// Text nodes never split a backslash escape, so each can be scanned from its start.
    private func looseRunLength(in nodes: [Node], after index: Int) -> Int {
        var count = 0
        for node in nodes[(index + 1)...] {
            guard case .text(let range) = node else { return count }
            for position in range {
                switch source[position] {
                case "[", "]", "(", ")", ":": count += 1
                default: return count
                }
            }
        }
        return count
    }
}
