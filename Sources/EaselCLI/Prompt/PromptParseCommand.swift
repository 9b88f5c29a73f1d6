import ArgumentParser
import PromptSyntax

/// `easel prompt parse TEXT`: A1111's attention parse as JSON, `[["a ", 1.0], ["house", 1.1]]`.
struct PromptParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print A1111's attention parse of TEXT as JSON.",
        discussion: """
        Prints [["text", weight], ...] as A1111's parse_prompt_attention returns it: (x) is \
        ×1.1, [x] is ÷1.1, (x:1.4) is ×1.4, \\( \\) \\[ \\] \\\\ are literal, BREAK is ["BREAK", -1]. \
        Weights are the shortest decimals that read back as the same double.
        """
    )

    @Argument(help: "The prompt.")
    var text: String

    func run() throws {
        try CommandLineText.checkArgumentsAreUTF8()
        try CommandLineText.checkLength(text, name: "the prompt")
        printText(PromptJSON.spans(parsePromptAttention(text)))
    }
}
