import PromptKit

/// What the reducer needs besides the state: the key table, the prompt analysis (dialect
/// rendering, token counts, lint) and the debounce delay.
public struct WorkbenchEnvironment: Sendable {
    public var keymap: Keymap
    public var analyze: @Sendable (Document) -> PromptAnalysis
    /// Seconds between the last change and the start of a new render.
    public var debounce: Double
    /// The word lists a render's `__name__` wildcards draw from.
    public var wildcards = WildcardLibrary()

    public init(keymap: Keymap = .standard, debounce: Double = 0.3,
                analyze: @escaping @Sendable (Document) -> PromptAnalysis = PromptAnalyzer.withoutTokenizer.analyze) {
        self.keymap = keymap
        self.debounce = debounce
        self.analyze = analyze
    }
}
