/// A hand-written parser for A1111's prompt-editing grammar (`modules/prompt_parser.py`):
///
///     !start: (prompt | /[][():]/+)*
///     prompt: (emphasized | scheduled | alternate | plain | WHITESPACE)*
///     !emphasized: "(" prompt ")" | "(" prompt ":" prompt ")" | "[" prompt "]"
///     scheduled: "[" [prompt ":"] prompt ":" [WHITESPACE] NUMBER [WHITESPACE] "]"
///     alternate: "[" prompt ("|" [prompt])+ "]"
///     plain: /([^\\\[\]():|]|\\.)+/
///
/// Inside brackets a `prompt` runs until the next `:`, `|`, `]` or `)`, so whether a bracket
/// opened at a given position forms a construct, and where it ends, does not depend on what
/// surrounds it. The parser scans once with an explicit stack of open brackets; when a bracket
/// cannot be closed properly, it and every bracket around it fail (the enclosing prompt cannot
/// contain it either), the outermost one becomes plain top-level text, and scanning resumes just
/// after it, reusing the outcome of every bracket already decided. Each character is scanned at
/// most twice. A final pass settles the ambiguous readings the way lark does (see
/// `dissolveConstructsBeforeEvenLooseRuns`). Like A1111, when no parse exists at all (a `|` outside any alternation, a
/// backslash at the end or before a newline) the result is nil and the caller uses the prompt
/// as plain text.
struct PromptEditingParser {
    private struct OpenBracket {
        let position: Int
        let isRound: Bool
        var segments: [[PromptEditingTree.Node]] = [[]]
        /// The position and character of each `:` or `|` between the segments.
        var separators: [(position: Int, character: Unicode.Scalar)] = []
        /// How many of `separators` are `:` and how many `|`, kept as they are added: counting
        /// them per separator made `[a|||…|b:1]` quadratic (found by `easel-fuzz`, issue 17).
        var colons = 0
        var pipes = 0
    }

    private var tree: PromptEditingTree
    private var stack: [OpenBracket] = []
    private var failed: [Bool]
    private var closed: [Int: (end: Int, node: PromptEditingTree.Node)] = [:]
    private var position = 0
    private var textStart = 0

    static func parse(_ prompt: String) -> PromptEditingTree? {
        var parser = PromptEditingParser(source: Array(prompt.unicodeScalars))
        return parser.run() ? parser.tree : nil
    }

    private init(source: [Unicode.Scalar]) {
        tree = PromptEditingTree(source: source, sequences: [[]], edits: [])
        failed = Array(repeating: false, count: source.count)
    }

    private var source: [Unicode.Scalar] { tree.source }

    private mutating func run() -> Bool {
        while true {
            guard position < source.count else {
                if stack.isEmpty { break }
                failOpenBrackets()
                continue
            }
            switch source[position] {
            case "\\":
                // `\\.`: a backslash escapes any character but a newline; anything else fails to lex.
                guard position + 1 < source.count, source[position + 1] != "\n" else { return false }
                position += 2
            case "(", "[":
                openBracket()
            case ")", "]", ":", "|":
                if stack.isEmpty {
                    // Only `start` accepts loose brackets and colons; nothing accepts a loose `|`.
                    if source[position] == "|" { return false }
                    position += 1
                } else {
                    flushText()
                    delimit()
                }
            default:
                position += 1
            }
        }
        flushText()
        tree.dissolveConstructsBeforeEvenLooseRuns()
        return true
    }

    private mutating func openBracket() {
        if let (end, node) = closed[position] {
            flushText()
            append(node)
            position = end
            textStart = end
        } else if failed[position] {
            if stack.isEmpty {
                position += 1
            } else {
                failOpenBrackets()
            }
        } else {
            flushText()
            stack.append(OpenBracket(position: position, isRound: source[position] == "("))
            position += 1
            textStart = position
        }
    }

    /// A `:`, `|`, `)` or `]` inside the innermost open bracket.
    private mutating func delimit() {
        let character = source[position]
        // Counts read without copying the bracket: a copy alive here would make the appends
        // below copy its arrays.
        let (colons, pipes, isRound) = (stack[stack.count - 1].colons, stack[stack.count - 1].pipes, stack[stack.count - 1].isRound)
        let accepted: Bool
        switch (character, isRound) {
        case (":", true): accepted = colons == 0
        case (":", false): accepted = pipes == 0 && colons < 2
        case ("|", false): accepted = colons == 0
        case (")", true), ("]", false):
            let bracket = stack[stack.count - 1]
            guard let node = closedNode(bracket, closer: position) else {
                failOpenBrackets()
                return
            }
            stack.removeLast()
            closed[bracket.position] = (position + 1, node)
            append(node)
            position += 1
            textStart = position
            return
        default: accepted = false
        }
        guard accepted else {
            failOpenBrackets()
            return
        }
        // In place, so the bracket's arrays are not copied for each separator.
        stack[stack.count - 1].separators.append((position, character))
        stack[stack.count - 1].segments.append([])
        if character == ":" { stack[stack.count - 1].colons += 1 } else { stack[stack.count - 1].pipes += 1 }
        position += 1
        textStart = position
    }

    /// The construct a bracket forms when closed at `closer`, or nil if it forms none.
    private mutating func closedNode(_ bracket: OpenBracket, closer: Int) -> PromptEditingTree.Node? {
        let separatorCharacters = bracket.separators.map(\.character)
        if !separatorCharacters.isEmpty, !bracket.isRound, separatorCharacters.allSatisfy({ $0 == "|" }) {
            return .alternation(options: bracket.segments.map { addSequence($0) })
        }
        // Everything else is reproduced verbatim (emphasis) or can be dissolved into it (edits).
        var layout: [PromptEditingTree.Node] = [.text(bracket.position..<(bracket.position + 1))]
        for (index, segment) in bracket.segments.enumerated() {
            if index > 0 {
                let separator = bracket.separators[index - 1].position
                layout.append(.text(separator..<(separator + 1)))
            }
            layout.append(contentsOf: segment)
        }
        layout.append(.text(closer..<(closer + 1)))
        if separatorCharacters.isEmpty || bracket.isRound {
            return .group(sequence: addSequence(layout))
        }
        // `[after:N]` or `[before:after:N]`: the last segment must be exactly the number.
        guard bracket.segments.last!.allSatisfy({ if case .text = $0 { return true } else { return false } }),
              let number = Self.scheduledNumber(source[(bracket.separators.last!.position + 1)..<closer])
        else { return nil }
        let prompts = bracket.segments.dropLast().map { addSequence($0) }
        let edit = PromptEditingTree.Edit(before: prompts.count == 2 ? prompts[0] : nil,
                                          after: prompts[prompts.count - 1],
                                          number: number, layout: addSequence(layout))
        tree.edits.append(edit)
        return .edit(tree.edits.count - 1)
    }

    /// `[WHITESPACE] NUMBER [WHITESPACE]`, where NUMBER is lark's `common.SIGNED_NUMBER`
    /// (`[+-]?` then `INT`, `INT EXP`, `INT "." INT? EXP?` or `"." INT EXP?`, ASCII digits).
    static func scheduledNumber(_ text: ArraySlice<Unicode.Scalar>) -> String? {
        var scalars = text
        while let first = scalars.first, PythonCharacterClass.isSpace(first) { scalars.removeFirst() }
        while let last = scalars.last, PythonCharacterClass.isSpace(last) { scalars.removeLast() }
        var i = scalars.startIndex
        func digits() -> Int {
            let start = i
            while i < scalars.endIndex, ("0"..."9").contains(scalars[i]) { i += 1 }
            return i - start
        }
        if i < scalars.endIndex, scalars[i] == "+" || scalars[i] == "-" { i += 1 }
        let integerDigits = digits()
        var fractionDigits = 0
        var hasPoint = false
        if i < scalars.endIndex, scalars[i] == "." {
            hasPoint = true
            i += 1
            fractionDigits = digits()
        }
        guard integerDigits > 0 || (hasPoint && fractionDigits > 0) else { return nil }
        if i < scalars.endIndex, scalars[i] == "e" || scalars[i] == "E" {
            i += 1
            if i < scalars.endIndex, scalars[i] == "+" || scalars[i] == "-" { i += 1 }
            guard digits() > 0 else { return nil }
        }
        guard i == scalars.endIndex else { return nil }
        return String(scalars: scalars)
    }

    /// Every open bracket fails; the outermost becomes top-level text and scanning resumes
    /// right after it.
    private mutating func failOpenBrackets() {
        for bracket in stack { failed[bracket.position] = true }
        let outermost = stack[0].position
        stack.removeAll()
        position = outermost + 1
        textStart = outermost
    }

    private mutating func flushText() {
        if position > textStart { append(.text(textStart..<position)) }
        textStart = position
    }

    private mutating func append(_ node: PromptEditingTree.Node) {
        if stack.isEmpty {
            tree.sequences[PromptEditingTree.root].append(node)
        } else {
            stack[stack.count - 1].segments[stack[stack.count - 1].segments.count - 1].append(node)
        }
    }

    private mutating func addSequence(_ nodes: [PromptEditingTree.Node]) -> Int {
        tree.sequences.append(nodes)
        return tree.sequences.count - 1
    }
}
