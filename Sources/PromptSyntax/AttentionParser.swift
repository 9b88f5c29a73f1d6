/// A1111's emphasis syntax, parsed into weighted spans.
///
/// Port of `parse_prompt_attention` (A1111 `modules/prompt_parser.py`), with the same float
/// arithmetic: each closing bracket multiplies the weights of every span since its opening
/// bracket, in order, so `(((house)))` is `1.0 * 1.1 * 1.1 * 1.1` exactly as Python computes it.
///
/// - `(abc)` multiplies by 1.1, `[abc]` by `1 / 1.1`, `(abc:3.12)` by 3.12;
/// - `\(`, `\)`, `\[`, `\]` and `\\` are literal characters; any other backslash is dropped;
/// - brackets left open at the end still apply to everything after them; stray closers are text;
/// - `BREAK` (a whole word) becomes the marker `["BREAK", -1]`;
/// - neighbouring spans with equal weights are merged; an empty prompt is `[["", 1.0]]`.
public func parsePromptAttention(_ text: String) -> [WeightedSpan] {
    // Texts and weights are kept apart so that multiplying a range of weights is one tight
    // loop over contiguous doubles: like A1111, deep or unclosed nesting costs a
    // multiplication per span per enclosing bracket.
    var texts: [String] = []
    var weights: [Double] = []
    var roundBrackets: [Int] = []
    var squareBrackets: [Int] = []
    let roundMultiplier = 1.1
    let squareMultiplier = 1 / 1.1

    func append(_ text: String, _ weight: Double) {
        texts.append(text)
        weights.append(weight)
    }
    func multiplyRange(from start: Int, by multiplier: Double) {
        weights.withUnsafeMutableBufferPointer { buffer in
            for index in start..<buffer.count { buffer[index] *= multiplier }
        }
    }

    var lexer = AttentionLexer(text)
    while let token = lexer.next() {
        switch token.kind {
        case .escape:
            append(String(scalars: token.text.unicodeScalars.dropFirst()), 1.0)
        case .openRound:
            roundBrackets.append(texts.count)
        case .openSquare:
            squareBrackets.append(texts.count)
        case .weightedClose(let weight) where !roundBrackets.isEmpty && PythonFloat.parse(weight) != nil:
            multiplyRange(from: roundBrackets.removeLast(), by: PythonFloat.parse(weight)!)
        case .closeRound where !roundBrackets.isEmpty:
            multiplyRange(from: roundBrackets.removeLast(), by: roundMultiplier)
        case .closeSquare where !squareBrackets.isEmpty:
            multiplyRange(from: squareBrackets.removeLast(), by: squareMultiplier)
        default:
            // Plain text, or a closer with nothing to close. A weight Python's float() would
            // reject (`(a:1.2.3)`, where A1111 raises) is treated like an unmatched closer.
            for (index, piece) in BreakKeyword.split(token.text).enumerated() {
                if index > 0 { append(WeightedSpan.breakMarker.text, WeightedSpan.breakMarker.weight) }
                append(piece, 1.0)
            }
        }
    }
    applyUnclosed(roundBrackets, roundMultiplier, to: &weights)
    applyUnclosed(squareBrackets, squareMultiplier, to: &weights)

    if texts.isEmpty { return [WeightedSpan("", 1.0)] }
    return mergingEqualWeights(zip(texts, weights).map { WeightedSpan($0, $1) })
}

/// A1111's `for pos in round_brackets: multiply_range(pos, round_bracket_multiplier)` for the
/// brackets left open (then the same for square ones), with the same float result in linear
/// time for the common case: span `i` is multiplied by `multiplier` once per open bracket at or
/// before it, in order, so spans that start from the same weight share the running product.
/// (Looping over every bracket and every span after it made 10,000 unclosed brackets 2.5 s in
/// a debug build; issue 17.) Deeply nested *closed* brackets still cost a multiplication per
/// span per bracket, as in A1111.
private func applyUnclosed(_ positions: [Int], _ multiplier: Double, to weights: inout [Double]) {
    guard !positions.isEmpty else { return }
    var products: [Double: (count: Int, value: Double)] = [:]   // start weight → after `count` multiplications
    var opened = 0
    for index in weights.indices {
        while opened < positions.count, positions[opened] <= index { opened += 1 }
        guard opened > 0 else { continue }
        let start = weights[index]
        var (count, value) = products[start] ?? (0, start)
        while count < opened {
            value *= multiplier
            count += 1
        }
        products[start] = (count, value)
        weights[index] = value
    }
}

/// A1111's final pass: neighbouring spans with identical weights become one span.
private func mergingEqualWeights(_ spans: [WeightedSpan]) -> [WeightedSpan] {
    var merged: [WeightedSpan] = []
    merged.reserveCapacity(spans.count)
    for span in spans {
        if let last = merged.last, last.weight == span.weight {
            merged[merged.count - 1].text += span.text
        } else {
            merged.append(span)
        }
    }
    return merged
}
