import ArgumentParser
import PromptSyntax

/// `easel prompt schedule TEXT --steps N`: A1111's prompt-editing schedule as JSON,
/// `[[end_step, "text"], …]`.
struct PromptScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Print the per-step prompt schedule of TEXT as JSON.",
        discussion: """
        Prints [[end_step, "text"], ...]: each text is used up to and including its step. \
        [a:b:N] is a until step N, then b; [a::N] drops a after N; [a:N] adds a after N; N with a \
        decimal point is a fraction of the steps. [a|b] alternates every step.
        """
    )

    @Argument(help: "The prompt.")
    var text: String

    @Option(help: "Sampling steps (1–\(PromptSchedule.maximumSteps)).")
    var steps: String = "20"

    @Option(help: "Steps of a hires-fix pass: N then counts into that pass, as in A1111.")
    var hiresSteps: String?

    @Flag(help: "A1111's old timelines: any N below 1 is a fraction of the steps.")
    var oldScheduling = false

    func run() throws {
        try CommandLineText.checkArgumentsAreUTF8()
        try CommandLineText.checkLength(text, name: "the prompt")
        let schedule = try promptSchedule(text, steps: try Self.stepCount(steps, option: "--steps"),
                                          hiresSteps: try hiresSteps.map { try Self.stepCount($0, option: "--hires-steps") },
                                          useOldScheduling: oldScheduling)
        printText(PromptJSON.schedule(schedule))
    }

    /// A step count given on the command line, checked with a one-line error.
    static func stepCount(_ text: String, option: String) throws -> Int {
        guard let value = Int(text), (1...PromptSchedule.maximumSteps).contains(value) else {
            throw CLIError("\(option) must be a whole number from 1 to \(PromptSchedule.maximumSteps), got '\(text)'")
        }
        return value
    }
}
