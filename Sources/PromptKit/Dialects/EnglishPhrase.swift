import Foundation

/// Small English helpers for the prose dialects. Heuristics, documented so that output is
/// predictable: an article is added unless the phrase already starts with a determiner, a
/// number, a capital letter (a name) or looks plural (its head word ends in "s" but not
/// "ss", "us" or "is"); "an" before a vowel letter.
enum EnglishPhrase {
    static let determiners: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their",
        "some", "many", "several", "few", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "no", "every", "each", "all", "both",
    ]
    static let prepositions: Set<String> = [
        "in", "on", "at", "inside", "under", "near", "by", "over", "above", "beside", "within", "among",
        "through", "across", "outside", "behind", "below", "beneath", "into", "onto", "along", "around", "between",
    ]

    static func withArticle(_ phrase: String) -> String {
        guard let first = phrase.first else { return phrase }
        let firstWord = phrase.split(separator: " ").first.map { $0.lowercased() } ?? ""
        if determiners.contains(firstWord) || first.isNumber || first.isUppercase || looksPlural(phrase) { return phrase }
        return ("aeiou".contains(first.lowercased()) ? "an " : "a ") + phrase
    }

    static func withoutArticle(_ phrase: String) -> String {
        for article in ["a ", "an ", "the "] where phrase.lowercased().hasPrefix(article) {
            return String(phrase.dropFirst(article.count))
        }
        return phrase
    }

    /// "church" → "in a church"; a phrase that starts with a preposition is kept.
    static func locative(_ phrase: String) -> String {
        let firstWord = phrase.split(separator: " ").first.map { $0.lowercased() } ?? ""
        return prepositions.contains(firstWord) ? phrase : "in " + withArticle(phrase)
    }

    /// The head word ends in "s" but not "ss"/"us"/"is". The head word is the last word
    /// before the first comma or the first preposition/"with"/"of"/"and" after the first word
    /// ("library with towering bookshelves" → "library").
    static func looksPlural(_ phrase: String) -> Bool {
        let segment = phrase.split(separator: ",").first.map(String.init) ?? phrase
        let words = segment.split(separator: " ").map { $0.lowercased() }
        let cut = words.indices.dropFirst().first { prepositions.contains(words[$0]) || headEnders.contains(words[$0]) } ?? words.count
        guard let word = words[..<cut].last, word.count > 2, word.hasSuffix("s") else { return false }
        return !(word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is"))
    }

    static let headEnders: Set<String> = ["with", "of", "and", "from", "for", "that", "who", "which"]

    /// The first word ends in "ing" ("smiling", "reading"): a participle clause.
    static func startsWithParticiple(_ phrase: String) -> Bool {
        guard let first = phrase.split(separator: " ").first?.lowercased() else { return false }
        let word = first.trimmingCharacters(in: .punctuationCharacters)
        return word.count > 4 && word.hasSuffix("ing")
    }

    /// Joins the parts of a sentence with spaces; a part that holds commas (an apposition)
    /// is closed with a comma: ["a model, albino", "who dances"] → "a model, albino, who dances".
    static func joinParts(_ parts: [String]) -> String {
        var sentence = ""
        var previous = ""
        for part in parts {
            sentence += sentence.isEmpty ? part : (previous.contains(",") ? ", " : " ") + part
            previous = part
        }
        return sentence
    }

    /// Capital first letter and a full stop (unless it already ends in . ! or ?).
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        let body = first.uppercased() + text.dropFirst()
        return body.last.map { ".!?".contains($0) } == true ? body : body + "."
    }
}
