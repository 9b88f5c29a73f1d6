import ArgumentParser
import Foundation
import LocalEngine
import PromptSyntax
import Tokenizer

/// `easel prompt tokens TEXT`: CLIP token ids per 75-token chunk, as A1111 chunks the prompt.
struct PromptTokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Print CLIP token counts and ids per 75-token chunk.",
        discussion: """
        Prints one line per chunk: 'chunk 1: 5 tokens: 320 1125 539 320 2368'. As in A1111, \
        <lora:…> tags are removed first, emphasis weights each token, a comma among a full \
        chunk's last 20 tokens ends it early, and BREAK starts a new chunk. When the prompt \
        uses prompt editing ([a:b:N], [a|b]), each text of the schedule is shown under a \
        'until step N: TEXT' line. With --embeddings-dir, a word naming an embedding there counts \
        as its N vectors (shown as N zeros), as A1111 counts it. --json prints the same as \
        [{"end_step", "text", "token_count", "chunks": [{"count", "ids", "multipliers"}]}].
        """
    )

    @Argument(help: "The prompt.")
    var text: String

    @Option(help: "Sampling steps, for prompts that use prompt editing (1–\(PromptSchedule.maximumSteps)).")
    var steps: String = "20"

    @Option(help: "The CLIP vocabulary: a folder with vocab.json + merges.txt or bpe_simple_vocab_16e6.txt, or either file. Found automatically by default.")
    var vocab: String?

    @Option(name: .customLong("embeddings-dir"), help: "A folder of textual-inversion embeddings whose names count as their vectors (repeatable).")
    var embeddingsDirs: [String] = []

    @Flag(help: "Print JSON instead of lines.")
    var json = false

    func run() throws {
        try CommandLineText.checkArgumentsAreUTF8()
        try CommandLineText.checkLength(text, name: "the prompt")
        let steps = try PromptScheduleCommand.stepCount(self.steps, option: "--steps")
        let tokenizer = try vocab.map { try CLIPTokenizer(contentsOf: URL(fileURLWithPath: $0)) } ?? CLIPTokenizer.locateDefault()
        let chunker = A1111Chunker(tokenizer: tokenizer)
        let embeddings = EmbeddingVocabulary(
            names: AdapterLibrary.embeddingSizes(in: embeddingsDirs.map(URL.init(fileURLWithPath:))), tokenizer: tokenizer)
        let prompt = ExtraNetworkTag.extract(from: text).text
        var chunkedTexts: [String: ChunkedPrompt] = [:]  // alternation repeats the same few texts
        let entries = try promptSchedule(prompt, steps: steps).map { entry -> (ScheduledPrompt, ChunkedPrompt) in
            if let known = chunkedTexts[entry.text] { return (entry, known) }
            let chunked = chunker.chunk(entry.text, embeddings: embeddings)
            chunkedTexts[entry.text] = chunked
            return (entry, chunked)
        }
        if json {
            printText(PromptJSON.array(entries.map { entry, chunked in
                PromptJSON.object([
                    ("end_step", String(entry.endStep)),
                    ("text", PromptJSON.string(entry.text)),
                    ("token_count", String(chunked.tokenCount)),
                    ("chunks", PromptJSON.array(chunked.chunks.map(Self.json))),
                ])
            }))
            return
        }
        for (entry, chunked) in entries {
            let indent = entries.count > 1 ? "  " : ""
            if entries.count > 1 { printText("until step \(entry.endStep): \(entry.text)") }
            for (index, chunk) in chunked.chunks.enumerated() {
                printText(indent + Self.line(chunk, number: index + 1))
            }
        }
    }

    /// `chunk 2: 3 tokens: 320 1125 539`.
    static func line(_ chunk: PromptChunk, number: Int) -> String {
        let count = "chunk \(number): \(chunk.tokenCount) token\(chunk.tokenCount == 1 ? "" : "s")"
        return chunk.tokens.isEmpty ? count : count + ": " + chunk.tokens.map(String.init).joined(separator: " ")
    }

    static func json(_ chunk: PromptChunk) -> String {
        PromptJSON.object([
            ("count", String(chunk.tokenCount)),
            ("ids", PromptJSON.array(chunk.tokens.map(String.init))),
            ("multipliers", PromptJSON.array(chunk.multipliers.map(PromptJSON.number))),
        ])
    }
}
