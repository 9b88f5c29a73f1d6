import Catalog

/// A model an engine offers: a local file or folder, or a name on a server.
public struct EngineModel: Equatable, Sendable {
    /// What the engine loads it by: a path for the in-process engine, a server's model title.
    public var id: String
    /// A1111's "Model": the file name without its extension.
    public var name: String
    /// A1111's "Model hash" (AutoV2), when known.
    public var hash: String?
    /// The family, when the engine can tell before loading.
    public var family: CheckpointFamily?
    /// The name the model gives itself (a safetensors file's `modelspec.title`), when it has one;
    /// with `name` it tells a fine-tune such as Pony from its base family.
    public var title: String?
    /// The model's own advice, when it differs from its family's (the demo model).
    public var advice: ModelAdvice?
    /// Set when `family` is only guessed (a server's model, from its name or metadata).
    public var familyGuess: FamilyGuess?

    public init(id: String, name: String, hash: String? = nil, family: CheckpointFamily? = nil,
                title: String? = nil, advice: ModelAdvice? = nil) {
        self.id = id
        self.name = name
        self.hash = hash
        self.family = family
        self.title = title
        self.advice = advice
    }
}
