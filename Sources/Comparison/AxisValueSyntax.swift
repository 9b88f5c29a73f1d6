import Foundation

/// A1111's X/Y/Z plot value syntax (`scripts/xyz_grid.py`): a line of CSV, each entry trimmed
/// (`csv_string_to_list_strip`), where an integer or number axis also reads ranges:
/// `1-5` (every integer), `1-10 (+2)` (a step), `1-10 [5]` (a count, evenly spaced, ends
/// included). Entries that are not ranges are single values.
public enum AxisValueSyntax {
    /// The entries of a value list, as Python's `csv.reader` (excel dialect: `,` delimiter,
    /// `"` quotes recognised only at the start of a field, `""` for a quote inside quotes,
    /// characters after a closing quote kept) reads it, rows flattened and each entry trimmed.
    /// So `darkness,"light, green",heat` has 3 entries and `darkness, "light, green", heat` 4.
    public static func entries(_ text: String) -> [String] {
        var entries: [String] = []
        var field = ""
        var inQuotes = false, quoteClosed = false, fieldStarted = false, rowHasFields = false
        var characters = Array(text)
        characters.append("\n")
        var index = 0
        func endField() {
            entries.append(field.trimmingCharacters(in: .whitespaces))
            field = ""; fieldStarted = false; quoteClosed = false; rowHasFields = true
        }
        while index < characters.count {
            let c = characters[index]
            if inQuotes {
                if c == "\"" {
                    if index + 1 < characters.count, characters[index + 1] == "\"" {
                        field.append("\""); index += 1
                    } else {
                        inQuotes = false; quoteClosed = true
                    }
                } else {
                    field.append(c)
                }
            } else if c == "," {
                endField()
            } else if c == "\n" || c == "\r" {
                // A blank line has no fields (csv yields []); otherwise the row's last field ends.
                if fieldStarted || rowHasFields { endField() }
                rowHasFields = false
            } else if c == "\"" && !fieldStarted && !quoteClosed {
                inQuotes = true; fieldStarted = true
            } else {
                field.append(c); fieldStarted = true
            }
            index += 1
        }
        return entries
    }

    /// `re_range` / `re_range_count` (integers) and their `_float` twins: start, end, and the
    /// bracket, which holds a signed step `(+2)` or a count `[5]`. (A1111's float pattern has an
    /// unescaped `.`; here it is a decimal point.)
    private static let integerRange = try! NSRegularExpression(
        pattern: #"^\s*([+-]?\s*\d+)\s*-\s*([+-]?\s*\d+)(?:\s*\(([+-]\d+)\s*\)|\s*\[(\d+)\s*\])?\s*$"#)
    private static let numberRange = try! NSRegularExpression(
        pattern: #"^\s*([+-]?\s*\d+(?:\.\d*)?)\s*-\s*([+-]?\s*\d+(?:\.\d*)?)(?:\s*\(([+-]\d+(?:\.\d*)?)\s*\)|\s*\[(\d+)\s*\])?\s*$"#)

    /// The most values one range may expand to (a typo such as `1-1000000` is refused, not rendered).
    public static let maximumRangeValues = 1000

    /// An integer axis's values. Ranges follow `process_axis`: `a-b` and `a-b (+s)` are
    /// `range(a, b + 1, s)`, `a-b [n]` is `np.linspace(a, b, n)` truncated to integers.
    public static func integers(_ text: String, axis: String) throws -> [Int] {
        var values: [Int] = []
        for entry in try nonEmptyEntries(text, axis: axis) {
            if let groups = match(integerRange, entry) {
                guard let start = Int(compact(groups[0])), let end = Int(compact(groups[1])) else {
                    throw ComparisonError.badValue(axis: axis, value: entry, reason: "range ends are not integers")
                }
                guard abs(start) < 1 << 53, abs(end) < 1 << 53 else {
                    throw ComparisonError.badValue(axis: axis, value: entry, reason: "range ends are too large")
                }
                if let count = groups[3] {
                    guard let n = Int(count) else { throw ComparisonError.badValue(axis: axis, value: entry, reason: "count is not an integer") }
                    try checkCount(n, axis: axis, entry: entry)
                    values += linspace(Double(start), Double(end), n).map { Int($0) }
                } else {
                    let step = groups[2].flatMap { Int($0) } ?? 1
                    guard step != 0 else { throw ComparisonError.badValue(axis: axis, value: entry, reason: "step is 0") }
                    let stop = end + 1
                    let count = step > 0 ? max(0, (stop - start + step - 1) / step) : max(0, (start - stop - step - 1) / -step)
                    try checkCount(count, axis: axis, entry: entry)
                    values += (0..<count).map { start + $0 * step }
                }
            } else if let value = Int(entry) {
                values.append(value)
            } else {
                throw ComparisonError.badValue(axis: axis, value: entry, reason: "expected an integer or a range such as 1-5, 1-10 (+2), 1-10 [5]")
            }
        }
        return values
    }

    /// A number axis's values. `a-b` and `a-b (+s)` are `np.arange(a, b + s, s)`, `a-b [n]` is
    /// `np.linspace(a, b, n)`.
    public static func numbers(_ text: String, axis: String) throws -> [Double] {
        var values: [Double] = []
        for entry in try nonEmptyEntries(text, axis: axis) {
            if let groups = match(numberRange, entry) {
                guard let start = Double(compact(groups[0])), let end = Double(compact(groups[1])) else {
                    throw ComparisonError.badValue(axis: axis, value: entry, reason: "range ends are not numbers")
                }
                if let count = groups[3] {
                    guard let n = Int(count) else { throw ComparisonError.badValue(axis: axis, value: entry, reason: "count is not an integer") }
                    try checkCount(n, axis: axis, entry: entry)
                    values += linspace(start, end, n)
                } else {
                    let step = groups[2].flatMap { Double($0) } ?? 1
                    guard step != 0 else { throw ComparisonError.badValue(axis: axis, value: entry, reason: "step is 0") }
                    // np.arange's length: ceil((stop - start) / step), at least 0.
                    let length = ((end + step - start) / step).rounded(.up)
                    let count = length > 0 ? Int(min(length, Double(maximumRangeValues + 1))) : 0
                    try checkCount(count, axis: axis, entry: entry)
                    values += (0..<count).map { start + Double($0) * step }
                }
            } else if let value = Double(entry), value.isFinite {
                values.append(value)
            } else {
                throw ComparisonError.badValue(axis: axis, value: entry, reason: "expected a number or a range such as 1-3 (+0.5), 0.0-1.0 [6]")
            }
        }
        return values
    }

    /// The entries of a text axis; an empty entry is refused.
    public static func nonEmptyEntries(_ text: String, axis: String) throws -> [String] {
        let list = entries(text)
        guard !list.isEmpty else { throw ComparisonError.noValues(axis: axis) }
        if let empty = list.firstIndex(of: "") {
            throw ComparisonError.badValue(axis: axis, value: "", reason: "entry \(empty + 1) is empty")
        }
        return list
    }

    /// `np.linspace(start, stop, num)`: `num` values, both ends included (one value: `start`).
    static func linspace(_ start: Double, _ stop: Double, _ num: Int) -> [Double] {
        guard num > 1 else { return num == 1 ? [start] : [] }
        let step = (stop - start) / Double(num - 1)
        return (0..<num).map { $0 == num - 1 ? stop : start + Double($0) * step }
    }

    private static func checkCount(_ count: Int, axis: String, entry: String) throws {
        guard count <= maximumRangeValues else {
            throw ComparisonError.badValue(axis: axis, value: entry, reason: "expands to more than \(maximumRangeValues) values")
        }
    }

    private static func compact(_ text: String?) -> String { (text ?? "").filter { !$0.isWhitespace } }

    /// The four capture groups of `regex` on the whole of `text` (nil for a group that did not take part).
    private static func match(_ regex: NSRegularExpression, _ text: String) -> [String?]? {
        let range = NSRange(text.startIndex..., in: text)
        guard let found = regex.firstMatch(in: text, range: range) else { return nil }
        return (1...4).map { i in Range(found.range(at: i), in: text).map { String(text[$0]) } }
    }
}
