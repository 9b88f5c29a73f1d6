import Foundation
import PromptSyntax

/// Counts CLIP tokens in each BREAK-separated section of a prompt, the way A1111 tokenizes
/// it (see `CLIPSectionTokenCounter`).
public protocol SectionTokenCounting: Sendable {
    func sectionTokenCounts(_ prompt: String) throws -> [Int]
    /// Tokens per 75-token chunk in each section, as A1111 splits it; `nil` when unknown.
    func sectionChunkSizes(_ prompt: String) -> [[Int]]?
}

extension SectionTokenCounting {
    public func sectionChunkSizes(_ prompt: String) -> [[Int]]? { nil }
}

/// Checks a prompt against its family's advice (`ModelProfile`), one warning per broken rule.
public struct PromptLinter: Sendable {
    /// CLIP's chunk length in A1111 (`sd_hijack_clip`: 75 tokens plus BOS and EOS).
    public static let chunkTokens = 75
    /// CFG may differ from the recommended value by this much before a warning.
    public static let cfgTolerance = 2.0

    public let tokenCounter: (any SectionTokenCounting)?
    /// The names `<lora:…>` tags may use (file base names and `ss_output_name`s in the LoRA
    /// folders); nil skips the `lora` rule.
    public let knownLoRAs: Set<String>?

    /// Without a token counter the `tokens` rule is skipped; without `knownLoRAs`, `lora`.
    public init(tokenCounter: (any SectionTokenCounting)? = nil, knownLoRAs: Set<String>? = nil) {
        self.tokenCounter = tokenCounter
        self.knownLoRAs = knownLoRAs
    }

    /// A warning for each `<lora:NAME…>` tag of `prompt` (and the negative) whose NAME no
    /// LoRA folder holds: the engine renders without it (A1111 `extra_networks_lora.py`).
    func loraWarnings(_ input: LintInput) -> [LintWarning] {
        guard let knownLoRAs else { return [] }
        var seen = Set<String>()
        return ((try? LoraTag.extract(from: input.prompt + " " + input.negative).tags) ?? [])
            .filter { $0.kind != .hypernet && !knownLoRAs.contains($0.name) && seen.insert($0.name).inserted }
            .map { .init(.lora, "lora '\($0.name)' is not in the LoRA folders; it renders without it") }
    }

    public func lint(_ input: LintInput) -> [LintWarning] {
        let profile = input.family.profile
        let name = input.family.rawValue
        var warnings: [LintWarning] = []
        if let fewStep = input.fewStep {
            warnings += fewStepWarnings(input, fewStep)
        } else if let cfg = input.cfg, let recommended = profile.recommendedCFG, abs(cfg - recommended) > Self.cfgTolerance {
            warnings.append(.init(.cfg, "CFG \(number(cfg)) is more than \(number(Self.cfgTolerance)) away from \(name)'s recommended \(number(recommended))"))
        }
        if let maxSide = profile.maxSide {
            for (side, value) in [("width", input.width), ("height", input.height)] {
                if let value, value > maxSide {
                    warnings.append(.init(.size, "\(side) \(value) is above \(name)'s maximum side of \(maxSide) px"))
                }
            }
        }
        if profile.negative == .none, !input.negative.isBlank {
            warnings.append(.init(.negative, "\(name) takes no negative prompt; it is ignored"))
        }
        let quality = QualityTags.found(in: input.prompt)
        if !profile.acceptsQualityTags, !quality.isEmpty {
            warnings.append(.init(.qualityTags, "quality tags do nothing for \(name): \(quality.joined(separator: ", "))"))
        }
        if let limit = profile.wordLimit {
            let words = NaturalDialect.wordCount(input.prompt)
            if words > limit { warnings.append(.init(.words, "\(words) words; \(name) prompts should stay within \(limit)")) }
        }
        if input.family == .midjourney {
            let quotes = Self.quotedTexts(in: input.prompt)
            if !quotes.isEmpty {
                warnings.append(.init(.quotedText, "Midjourney cannot draw text; quoted \(quotes.joined(separator: ", ")) will not be lettered"))
            }
        }
        if profile.usesCLIPChunks { warnings += tokenWarnings(input) }
        warnings += loraWarnings(input)
        if input.family == .pony { warnings += scorePrefixWarnings(input.prompt) }
        warnings += input.renderNotes.map { LintWarning(.dialect, $0) }
        return warnings
    }

    private func tokenWarnings(_ input: LintInput) -> [LintWarning] {
        guard let tokenCounter else { return [] }
        var warnings: [LintWarning] = []
        for (label, text) in [("prompt", input.prompt), ("negative prompt", input.negative)] where !text.isBlank {
            guard let counts = try? tokenCounter.sectionTokenCounts(text) else { continue }
            let chunkSizes = tokenCounter.sectionChunkSizes(text)
            for (index, count) in counts.enumerated() where count > Self.chunkTokens {
                let section = counts.count > 1 ? " section \(index + 1) (between BREAKs)" : ""
                var message = "\(label)\(section) has \(count) tokens, more than the \(Self.chunkTokens) of one CLIP chunk"
                if let sizes = chunkSizes, index < sizes.count {
                    message += "; A1111 encodes it as chunks of " + sizes[index].map(String.init).joined(separator: " + ")
                }
                warnings.append(.init(.tokens, message))
            }
        }
        return warnings
    }

    private func scorePrefixWarnings(_ prompt: String) -> [LintWarning] {
        let first = prompt.split(separator: ",").first.map { String($0).trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "(")) } ?? ""
        guard !first.lowercased().hasPrefix("score_9") else { return [] }
        let prefix = TagDialect.scorePrefix.joined(separator: ", ")
        return [.init(.scorePrefix, "Pony prompts start with \(prefix); this one starts with '\(first)'")]
    }

    /// Texts in straight or curly double quotes, with their quotes.
    static func quotedTexts(in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: #""[^"\n]+"|“[^”\n]+”"#)
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }

    func number(_ x: Double) -> String { TagDialect.plainDecimal(x) }
}
