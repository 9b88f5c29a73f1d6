/// Hosted models that read plain English (Seedream, Nano Banana, GPT, Ideogram): the same
/// sentences as FLUX, kept within `wordLimit` (~100 words, the guide's limit) by leaving out
/// whole sentences from the end (details, style, medium, …), never the subject sentence.
/// What was left out is reported in `notes`. No negative prompt (a grid negative is left
/// out; `PromptLinter` warns about it).
public struct NaturalDialect: Dialect {
    public let family = ModelFamily.natural
    public let wordLimit: Int

    public init(wordLimit: Int = ModelProfiles.profile(for: .natural).wordLimit ?? 100) {
        self.wordLimit = wordLimit
    }

    public func render(_ grid: PromptGrid) -> RenderedPrompt {
        var sentences = ProseSentences.sentences(grid)
        var notes: [String] = []
        while sentences.count > 1, Self.wordCount(sentences.map(\.text).joined(separator: " ")) > wordLimit {
            let dropped = sentences.removeLast()
            notes.append("left out the \(dropped.kind.rawValue) sentence to stay within \(wordLimit) words")
        }
        return RenderedPrompt(prompt: sentences.map(\.text).joined(separator: " "), negative: nil, notes: notes)
    }

    /// Words as runs of non-whitespace.
    public static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).count
    }
}
