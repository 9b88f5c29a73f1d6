import UntrustedText
/// An A1111 prompt style: a named prompt and negative prompt applied to the user's prompt.
public struct PromptStyle: Equatable, Codable, Sendable {
    /// The style's name as A1111 shows it (any text).
    public var name: String
    public var prompt: String
    public var negativePrompt: String

    public init(name: String, prompt: String, negativePrompt: String = "") {
        self.name = name
        self.prompt = prompt
        self.negativePrompt = negativePrompt
    }

    /// The style applied to a prompt and negative prompt (`merge` on each).
    public func apply(prompt: String, negative: String) -> (prompt: String, negative: String) {
        (Self.merge(style: self.prompt, into: prompt), Self.merge(style: negativePrompt, into: negative))
    }

    /// A1111 `modules/styles.py` `merge_prompts`: a style containing `{prompt}` has every
    /// `{prompt}` replaced by the prompt; otherwise the stripped prompt and stripped style are
    /// joined with ", ", leaving out whichever is empty.
    public static func merge(style: String, into prompt: String) -> String {
        if style.contains("{prompt}") { return style.replacingOccurrences(of: "{prompt}", with: prompt) }
        return [prompt.trimmed, style.trimmed].filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// Styles applied to a rendered prompt one after another, as A1111 applies several selected
    /// styles (`StyleDatabase.apply_styles_to_prompt`: each merged into the result of the last).
    /// A style's negative is dropped in families that take no separate negative prompt.
    public static func apply(_ styles: [PromptStyle], to rendered: RenderedPrompt, family: ModelFamily) -> RenderedPrompt {
        guard !styles.isEmpty else { return rendered }
        var out = rendered
        var negative = rendered.negative ?? ""
        for style in styles {
            let merged = style.apply(prompt: out.prompt, negative: negative)
            out.prompt = merged.prompt
            negative = merged.negative
        }
        if family.profile.negative == .separate { out.negative = negative.isEmpty ? nil : negative }
        return out
    }
}

extension PromptStyle {
    /// Throws when the prompt or negative is over `PromptTextLimit`, naming the file and style.
    func checkTextLengths(file: String) throws {
        for (field, text) in [("prompt", prompt), ("negative_prompt", negativePrompt)] {
            do { try PromptTextLimit.check(text, what: "\(file): style '\(QuotedInput.shortened(name))' \(field)") } catch let error as TextTooLongError {
                throw PromptKitError.textTooLong(what: error.what, bytes: error.bytes, limit: error.limit)
            }
        }
    }
}
