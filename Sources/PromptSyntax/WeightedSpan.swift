/// A run of prompt text and the attention multiplier A1111 gives it: one `[text, weight]`
/// pair of `parse_prompt_attention`'s result (A1111 `modules/prompt_parser.py`).
public struct WeightedSpan: Equatable, Hashable, Sendable {
    public var text: String
    public var weight: Double

    public init(_ text: String, _ weight: Double) {
        self.text = text
        self.weight = weight
    }

    /// The marker A1111 puts where a `BREAK` keyword split the prompt: `["BREAK", -1]`.
    public static let breakMarker = WeightedSpan("BREAK", -1)

    /// True for a `BREAK` marker that still starts a new chunk. A1111 tests
    /// `text == 'BREAK' and weight == -1`, so a BREAK inside brackets (whose weight was
    /// multiplied) is ordinary text.
    public var isBreak: Bool { text == "BREAK" && weight == -1 }
}
