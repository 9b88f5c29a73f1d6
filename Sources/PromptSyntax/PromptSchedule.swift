/// The prompt text to use up to and including `endStep` (A1111's `[end_at_step, text]` pair).
public struct ScheduledPrompt: Equatable, Hashable, Sendable {
    public var endStep: Int
    public var text: String

    public init(endStep: Int, text: String) {
        self.endStep = endStep
        self.text = text
    }
}

public enum PromptScheduleError: Error, Equatable, CustomStringConvertible {
    case stepsOutOfRange(name: String, value: Int)

    public var description: String {
        switch self {
        case let .stepsOutOfRange(name, value):
            return "\(name) must be a whole number from 1 to \(PromptSchedule.maximumSteps), got \(value)"
        }
    }
}

/// A prompt with A1111's prompt-editing syntax, parsed once and expanded for any step count:
/// `[a:b:N]` (a until step N, then b), `[a::N]` (a until N), `[a:N]` (a from N on), N a step
/// count or, written with a decimal point, a fraction of the steps; `[a|b]` alternates every
/// step. Port of `get_learned_conditioning_prompt_schedules` (A1111 `modules/prompt_parser.py`).
public struct PromptSchedule {
    /// Step counts above this are refused: alternation lists every step.
    public static let maximumSteps = 10_000

    public let prompt: String
    private let tree: PromptEditingTree?

    public init(_ prompt: String) {
        self.prompt = prompt
        tree = PromptEditingParser.parse(prompt)
    }

    /// False when A1111's grammar finds no parse (for example a `|` outside brackets); the
    /// prompt is then used unchanged for every step, as A1111 does.
    public var isParsed: Bool { tree != nil }

    /// The schedule for `steps` sampling steps: the sorted distinct end steps, each with the
    /// prompt text in force up to it. The last entry always ends at `steps`.
    ///
    /// - Parameters:
    ///   - hiresSteps: the step count of a hires-fix pass; N is then counted into that pass
    ///     (integers minus `steps`, fractions minus 1.0), as A1111 does.
    ///   - useOldScheduling: A1111's "old prompt editing timelines" option: any N below 1 is
    ///     a fraction, whether or not it has a decimal point.
    public func entries(steps baseSteps: Int, hiresSteps: Int? = nil,
                        useOldScheduling: Bool = false) throws -> [ScheduledPrompt] {
        try Self.checkSteps(baseSteps, name: "steps")
        if let hiresSteps { try Self.checkSteps(hiresSteps, name: "hires steps") }
        let usesHires = hiresSteps != nil && !useOldScheduling
        let steps = usesHires ? hiresSteps! : baseSteps
        guard let tree else { return [ScheduledPrompt(endStep: steps, text: prompt)] }

        let (editIDs, hasAlternation) = tree.reachableNodes()
        var endSteps = Array(repeating: 0, count: tree.edits.count)
        var boundaries: Set<Int> = [steps]
        for id in editIDs {
            let end = Self.endStep(tree.edits[id].number, steps: steps, useOldScheduling: useOldScheduling,
                                   integerOffset: usesHires ? baseSteps : 0, fractionOffset: usesHires ? 1 : 0)
            endSteps[id] = end
            if end >= 1 { boundaries.insert(end) }
        }
        if hasAlternation { boundaries.formUnion(1...steps) }
        return boundaries.sorted().map { ScheduledPrompt(endStep: $0, text: tree.text(atStep: $0, endSteps: endSteps)) }
    }

    /// `CollectSteps.scheduled`: N as a step, `min(steps, int(v))`. Values at or below 0 all
    /// behave alike (the edit has always happened), so they are clamped to 0; an N too large
    /// for Python's `int()` (infinite) counts as `steps`.
    private static func endStep(_ number: String, steps: Int, useOldScheduling: Bool,
                                integerOffset: Int, fractionOffset: Double) -> Int {
        var value = PythonFloat.parse(number) ?? 0
        if useOldScheduling {
            if value < 1 { value *= Double(steps) }
        } else if number.contains(".") {
            value = (value - fractionOffset) * Double(steps)
        } else {
            value -= Double(integerOffset)
        }
        if value.isNaN { return 0 }
        if value >= Double(steps) { return steps }
        if value < 1 { return 0 }
        return Int(value)
    }

    private static func checkSteps(_ value: Int, name: String) throws {
        guard (1...maximumSteps).contains(value) else {
            throw PromptScheduleError.stepsOutOfRange(name: name, value: value)
        }
    }
}

/// `get_learned_conditioning_prompt_schedules([prompt], steps)[0]` in A1111.
public func promptSchedule(_ prompt: String, steps: Int, hiresSteps: Int? = nil,
                           useOldScheduling: Bool = false) throws -> [ScheduledPrompt] {
    try PromptSchedule(prompt).entries(steps: steps, hiresSteps: hiresSteps, useOldScheduling: useOldScheduling)
}
