import Foundation

/// Quality and score tags: words for CLIP-tag models that describe the picture's quality,
/// not its content. FLUX (T5-encoded sentences) and hosted models gain nothing from them.
enum QualityTags {
    static let phrases = [
        "masterpiece", "best quality", "high quality", "highest quality", "top quality", "amazing quality",
        "normal quality", "low quality", "worst quality", "ultra-detailed", "ultra detailed", "highly detailed",
        "extremely detailed", "8k", "4k", "uhd", "hdr", "highres", "absurdres", "very aesthetic",
    ]

    private static let regex: NSRegularExpression = {
        let alternatives = phrases.map(NSRegularExpression.escapedPattern(for:)) + [#"score_\d(?:_up)?"#]
        return try! NSRegularExpression(pattern: #"(?<![\p{L}\p{N}_])(?:"# + alternatives.joined(separator: "|") + #")(?![\p{L}\p{N}_])"#,
                                        options: [.caseInsensitive])
    }()

    /// The quality tags found in `text`, each once, lower-cased, in order of appearance.
    static func found(in text: String) -> [String] {
        let ns = text as NSString
        var seen: [String] = []
        for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let tag = ns.substring(with: match.range).lowercased()
            if !seen.contains(tag) { seen.append(tag) }
        }
        return seen
    }
}
