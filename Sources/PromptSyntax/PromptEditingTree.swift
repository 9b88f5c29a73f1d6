/// The parse tree of A1111's prompt-editing grammar (`schedule_parser` in
/// `modules/prompt_parser.py`), stored flat: nodes refer to other sequences by index, so
/// neither building, walking nor freeing a deeply nested prompt recurses.
struct PromptEditingTree {
    enum Node {
        /// Source text copied as is: plain text, whitespace, brackets of emphasis, and
        /// top-level brackets that belong to nothing.
        case text(Range<Int>)
        /// An emphasis group `( … )`, `( … : … )` or `[ … ]`, reproduced verbatim.
        case group(sequence: Int)
        /// `[before:after:N]` or `[after:N]`; an index into `edits`.
        case edit(Int)
        /// `[a|b|…]`; each option is a sequence (an empty option is an empty sequence).
        case alternation(options: [Int])
    }

    /// A scheduled edit: the text before and after step N.
    struct Edit {
        var before: Int?
        var after: Int
        /// The number as written (lark's `SIGNED_NUMBER`), e.g. `3`, `.5`, `-1`, `1e2`.
        var number: String
        /// The edit as written: brackets and colons as text around its nested nodes. Used
        /// when the edit is dissolved into top-level text.
        var layout: Int
    }

    var source: [Unicode.Scalar]
    /// `sequences[0]` is the whole prompt.
    var sequences: [[Node]]
    var edits: [Edit]

    static let root = 0

    /// Every edit and every alternation reachable from the root, each once, in source order.
    func reachableNodes() -> (edits: [Int], hasAlternation: Bool) {
        var editIDs: [Int] = []
        var hasAlternation = false
        var pending = [Self.root]
        while let sequence = pending.popLast() {
            for node in sequences[sequence] {
                switch node {
                case .text: break
                case .group(let inner): pending.append(inner)
                case .edit(let id):
                    editIDs.append(id)
                    pending.append(edits[id].after)
                    if let before = edits[id].before { pending.append(before) }
                case .alternation(let options):
                    hasAlternation = true
                    pending.append(contentsOf: options)
                }
            }
        }
        return (editIDs.sorted(), hasAlternation)
    }

    /// The prompt text at `step`: A1111's `AtStep` transformer. `endSteps[id]` is when edit
    /// `id` switches from its first text to its second (`step <= when` keeps the first).
    func text(atStep step: Int, endSteps: [Int]) -> String {
        var output = String.UnicodeScalarView()
        var stack: [(sequence: Int, index: Int)] = [(Self.root, 0)]
        while let (sequence, index) = stack.popLast() {
            let nodes = sequences[sequence]
            guard index < nodes.count else { continue }
            stack.append((sequence, index + 1))
            switch nodes[index] {
            case .text(let range):
                output.append(contentsOf: source[range])
            case .group(let inner):
                stack.append((inner, 0))
            case .edit(let id):
                let edit = edits[id]
                if step <= endSteps[id] {
                    if let before = edit.before { stack.append((before, 0)) }
                } else {
                    stack.append((edit.after, 0))
                }
            case .alternation(let options):
                stack.append((options[(step - 1) % options.count], 0))
            }
        }
        return String(output)
    }
}
