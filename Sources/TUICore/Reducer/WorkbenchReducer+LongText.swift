import PromptKit
import UntrustedText

/// Long text in the workbench (issue 17, item 6): a paste is cut at the one prompt-text limit
/// with a message, and the prompt view of a long document is analysed after a pause in typing.
extension WorkbenchReducer {
    /// Documents with at most this much text are analysed on every key: 2 KiB is several
    /// hundred CLIP tokens, more than any prompt typed by hand; past it (a paste, a loaded PNG)
    /// the analysis waits for `analysisDelay`.
    static let immediateAnalysisBytes = 2 * 1024
    /// The pause after the last key before a long document is analysed (seconds).
    static let analysisDelay = 0.15

    /// `text` cut so that the field, which holds `existing` bytes, stays within
    /// `PromptTextLimit.maximumBytes`; nil when it fits. Cuts between characters.
    static func cutPaste(_ text: String, existing: Int) -> (kept: String, droppedBytes: Int)? {
        let room = max(0, PromptTextLimit.maximumBytes - existing)
        guard text.utf8.count > room else { return nil }
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let size = text[index].utf8.count
            if used + size > room { break }
            used += size
            end = text.index(after: index)
        }
        return (String(text[..<end]), text.utf8.count - used)
    }
}

extension PromptGrid {
    /// UTF-8 bytes of every row, tag and the negative.
    var textBytes: Int {
        Field.allCases.reduce(negative.utf8.count + extraTags.reduce(0) { $0 + $1.utf8.count }) {
            $0 + self[$1].value.utf8.count + self[$1].qualifier.utf8.count
        }
    }
}

extension Document {
    /// The prompt words the user wrote (grid rows, qualifiers, extra tags, a raw prompt), without
    /// what a dialect adds (SD 1.5's quality tags): what a model's vocabulary note judges.
    var userPromptText: String {
        var parts = PromptGrid.Field.allCases.flatMap { [grid[$0].value, grid[$0].qualifier] } + grid.extraTags
        if let raw { parts.append(raw.prompt) }
        return parts.joined(separator: " ")
    }
}
