/// The words a model was trained on, for a model that knows only a few (the demo model): the
/// workbench lists them and says which words of a prompt have no effect.
public struct ModelVocabulary: Equatable, Sendable {
    /// One axis of the training data, e.g. "colours": red, orange, …
    public struct Group: Equatable, Sendable {
        public var name: String
        public var words: [String]

        public init(_ name: String, _ words: [String]) {
            self.name = name
            self.words = words
        }
    }

    public var groups: [Group]

    public init(groups: [Group]) { self.groups = groups }

    /// Every known word, lower-cased; phrases count word by word ("city skyline").
    public var words: Set<String> {
        Set(groups.flatMap(\.words).flatMap { $0.lowercased().split { !$0.isLetter }.map(String.init) })
    }

    /// Words of `prompt` the model never saw, in order, each once: letters-only runs that are
    /// neither known nor small joining words ("a", "in", "with", …).
    public func unknownWords(in prompt: String) -> [String] {
        let known = words
        var seen = Set<String>()
        return prompt.lowercased().split { !$0.isLetter }.map(String.init).filter { word in
            !known.contains(word) && !Self.joiningWords.contains(word) && seen.insert(word).inserted
        }
    }

    static let joiningWords: Set<String> = ["a", "an", "the", "of", "in", "on", "at", "with", "and", "by", "is", "are",
                                            "under", "over", "into", "its", "his", "her", "their"]
}
