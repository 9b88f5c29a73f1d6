/// A grid rendered for one model family.
public struct RenderedPrompt: Equatable, Sendable {
    public var prompt: String
    /// `nil` when the family takes no separate negative prompt.
    public var negative: String?
    /// What the dialect left out of the grid to fit its family, e.g. sentences over the
    /// natural dialect's word limit.
    public var notes: [String]

    public init(prompt: String, negative: String? = nil, notes: [String] = []) {
        self.prompt = prompt
        self.negative = negative
        self.notes = notes
    }
}

/// Renders a grid into one family's (prompt, negative) pair.
public protocol Dialect: Sendable {
    var family: ModelFamily { get }
    func render(_ grid: PromptGrid) -> RenderedPrompt
}

extension ModelFamily {
    /// The dialect that writes prompts for this family.
    public var dialect: any Dialect {
        switch self {
        case .sd15: return TagDialect.sd15
        case .sdxl: return TagDialect.sdxl
        case .pony: return TagDialect.pony
        case .flux: return FluxDialect()
        case .midjourney: return MidjourneyDialect()
        case .natural: return NaturalDialect()
        }
    }
}

extension PromptGrid {
    /// The grid rendered in `family`'s dialect (default: the grid's own family).
    public func render(in family: ModelFamily? = nil) -> RenderedPrompt {
        (family ?? self.family).dialect.render(self)
    }
}
