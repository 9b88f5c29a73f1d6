/// A finished render as the history browser lists it (the TUI reads the entries from
/// RenderHistory's store and reports them with `Action.historyLoaded`).
public struct HistoryItem: Equatable, Sendable {
    /// The store's entry id.
    public var id: String
    /// When it was rendered, as shown ("2026-12-04 01:20").
    public var date: String
    /// Its grid, settings (seed, size, sampler, …), styles, model and raw prompt: what Enter restores.
    public var document: Document
    /// The prompt the render used.
    public var prompt: String
    /// The words the user wrote (the raw prompt, the grid's rows), for the list: the rendered
    /// prompt starts with the dialect's quality tags, the same on every line.
    public var summary: String
    /// A remote engine's label; nil for the in-process engine.
    public var engine: String?

    public init(id: String, date: String, document: Document, prompt: String, engine: String? = nil) {
        self.id = id
        self.date = date
        self.document = document
        self.prompt = prompt
        self.engine = engine
        let words = (document.raw.map { [$0.prompt] } ?? []) + document.grid.filledRows.map { _, row in
            [row.value, row.qualifier].filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: " ")
        }
        summary = words.isEmpty ? (document.grid.extraTags + [prompt]).first { !$0.isEmpty } ?? "" : words.joined(separator: ", ")
    }
}

/// The history browser's cursor (the list itself is `AppState.historyItems`, newest first).
public struct HistoryBrowser: Equatable, Sendable {
    public var selected: Int
    public init(selected: Int = 0) { self.selected = selected }
}
