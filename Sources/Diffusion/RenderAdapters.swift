import Models

/// What one render adds to the model: LoRA/LyCORIS networks with their multipliers (merged
/// into the networks before sampling, taken off by the next render that lacks them) and the
/// textual-inversion embeddings its prompts may call.
public struct RenderAdapters: Sendable {
    public var networks: [ActiveAdapter]
    public var embeddings: [TextualInversionEmbedding]

    public init(networks: [ActiveAdapter] = [], embeddings: [TextualInversionEmbedding] = []) {
        self.networks = networks
        self.embeddings = embeddings
    }

    public static let none = RenderAdapters()
}
