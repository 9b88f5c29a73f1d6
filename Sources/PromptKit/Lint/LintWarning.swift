/// One broken rule, with the reason.
public struct LintWarning: Equatable, Sendable, CustomStringConvertible {
    public enum Rule: String, CaseIterable, Sendable {
        /// CFG more than 2 away from the family's recommended value.
        case cfg
        /// A side larger than the family's maximum.
        case size
        /// A negative prompt for a family that takes none (FLUX, hosted models).
        case negative
        /// Quality tags for a family that ignores them (FLUX, hosted models).
        case qualityTags = "quality-tags"
        /// More words than the family's limit (natural: 100).
        case words
        /// Quoted text for Midjourney, which cannot draw text.
        case quotedText = "quoted-text"
        /// A BREAK-separated section longer than CLIP's 75-token chunk.
        case tokens
        /// A Pony prompt that does not start with the score prefix.
        case scorePrefix = "score-prefix"
        /// Something the dialect left out of the grid to fit the family.
        case dialect
        /// A `<lora:NAME>` tag naming no file in the LoRA folders.
        case lora
        /// Steps or CFG outside a few-step model's ranges (LCM, Turbo, Lightning).
        case fewStep = "few-step"
    }

    public let rule: Rule
    public let message: String

    public init(_ rule: Rule, _ message: String) {
        self.rule = rule
        self.message = message
    }

    /// "rule: message", the CLI's line format.
    public var description: String { "\(rule.rawValue): \(message)" }
}
