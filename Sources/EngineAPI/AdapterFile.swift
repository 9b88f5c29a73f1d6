import Catalog

/// A LoRA/LyCORIS network or a textual-inversion embedding in the model library, as the
/// workbench's browser lists it: what a tag calls it, what it was made for, what it is
/// triggered by. Read from the file's header (and an embedding's small tensor) only.
public struct AdapterFile: Equatable, Sendable {
    public enum Kind: String, Equatable, Sendable { case lora, embedding }

    public var kind: Kind
    /// The base name: what `<lora:NAME:…>` or the prompt word uses.
    public var name: String
    /// kohya's `ss_output_name`, when it differs from `name` (a tag may use either).
    public var alias: String?
    /// The family the file is for (from its metadata, its key names or its tensor widths); nil
    /// when nothing says.
    public var family: CheckpointFamily?
    /// "LoRA", "LoCon", "LoHa", "LoKr" (several joined by "+"), or "embedding".
    public var format: String
    /// Trigger words: `modelspec.trigger_phrase`, then the training captions' most frequent
    /// tags (`ss_tag_frequency`).
    public var triggers: [String]
    /// `modelspec.title` or `modelspec.description`, when the file carries one.
    public var title: String?
    public var bytes: Int
    /// An embedding's vector count (the prompt slots it takes).
    public var vectors: Int?
    /// Why the file cannot be used, when it cannot (unreadable, no modules).
    public var problem: String?
    public var path: String

    public init(kind: Kind, name: String, alias: String? = nil, family: CheckpointFamily? = nil, format: String,
                triggers: [String] = [], title: String? = nil, bytes: Int, vectors: Int? = nil, problem: String? = nil,
                path: String) {
        self.kind = kind
        self.name = name
        self.alias = alias
        self.family = family
        self.format = format
        self.triggers = triggers
        self.title = title
        self.bytes = bytes
        self.vectors = vectors
        self.problem = problem
        self.path = path
    }
}
