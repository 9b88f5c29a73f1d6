/// The grid as plain English sentences, shared by the FLUX and natural dialects.
///
/// One sentence per group, in the guide's table order:
/// 1. subject — "A {what} of {who} who {doing} in {where}." (each part optional; a doing
///    that starts with an -ing word follows without "who": "…, smiling, in a hall")
/// 2. wearing — "The {who} wears {wearing}."  ("{Name} wears …" for a capitalised who;
///    "Wearing {wearing}." without a who)
/// 3. light — "The light is {light}."   4. mood — "The mood is {mood}."
/// 5. period — "Time period: {period}." 6. composition — "The composition is {composition}."
/// 7. medium — "Rendered as {medium}."  8. style — "In the style of {style}."
/// 9. details — "Details: {extra tags}."
/// Text inside rows is kept as written, so quoted text ("flux") stays quoted.
enum ProseSentences {
    enum Kind: String, CaseIterable {
        case subject, wearing, light, mood, period, composition, medium, style, details
    }

    static func sentences(_ grid: PromptGrid) -> [(kind: Kind, text: String)] {
        var out: [(Kind, String)] = []
        func add(_ kind: Kind, _ text: String) { if !text.isEmpty { out.append((kind, EnglishPhrase.sentence(text))) } }
        let p = { (field: PromptGrid.Field) in RowText.phrase(grid[field], field: field) }

        add(.subject, subject(grid))
        if !p(.wearing).isEmpty {
            let clothes = EnglishPhrase.withArticle(p(.wearing))
            let who = grid.who.value.trimmed
            let subject = who.first?.isUppercase == true ? who : "the " + EnglishPhrase.withoutArticle(who)
            add(.wearing, who.isEmpty ? "wearing \(clothes)"
                : "\(subject) \(EnglishPhrase.looksPlural(who) ? "wear" : "wears") \(clothes)")
        }
        if !p(.light).isEmpty { add(.light, "the light is \(p(.light))") }
        if !p(.mood).isEmpty { add(.mood, "the mood is \(p(.mood))") }
        if !p(.period).isEmpty { add(.period, "time period: \(p(.period))") }
        if !p(.composition).isEmpty { add(.composition, "the composition is \(p(.composition))") }
        if !p(.medium).isEmpty { add(.medium, "rendered as \(EnglishPhrase.withArticle(p(.medium)))") }
        if !p(.style).isEmpty { add(.style, styleClause(p(.style))) }
        let extras = grid.extraTags.flatMap(RowText.splitTags)
        if !extras.isEmpty { add(.details, "details: " + extras.joined(separator: ", ")) }
        return out
    }

    /// "A photo, in motion, of a model, albino, who dances strangely in a concrete church".
    /// A comma closes a part that holds commas before the next part is joined.
    static func subject(_ grid: PromptGrid) -> String {
        let what = RowText.phrase(grid.what, field: .what)
        let who = RowText.phrase(grid.who, field: .who)
        let doing = RowText.phrase(grid.doing, field: .doing)
        let location = RowText.phrase(grid.location, field: .location)
        var parts: [String] = []
        if !what.isEmpty { parts.append(EnglishPhrase.withArticle(what)) }
        if !who.isEmpty { parts.append((parts.isEmpty ? "" : "of ") + EnglishPhrase.withArticle(who)) }
        if !doing.isEmpty { parts.append((who.isEmpty || EnglishPhrase.startsWithParticiple(doing) ? "" : "who ") + doing) }
        if !location.isEmpty { parts.append(EnglishPhrase.locative(location)) }
        return EnglishPhrase.joinParts(parts)
    }

    private static func styleClause(_ style: String) -> String {
        let lower = style.lowercased()
        if lower.hasPrefix("in the style of") || lower.hasPrefix("style of") { return style }
        if lower.hasPrefix("by ") { return "in the style of " + style.dropFirst(3) }
        return "in the style of " + style
    }
}
