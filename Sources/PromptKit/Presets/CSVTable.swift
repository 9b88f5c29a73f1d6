/// RFC 4180 CSV, read the way Python's `csv` module reads it (A1111 uses `csv.DictReader`)
/// and written the way `csv.writer` writes it by default: QUOTE_MINIMAL (a field holding a
/// comma, a quote, CR or LF is quoted, quotes doubled) and CRLF line ends.
enum CSVTable {
    struct ParseError: Error {
        let line: Int
        let reason: String
    }

    /// Rows of fields. Accepts CRLF, LF or CR line ends and quoted fields spanning lines; a
    /// quote inside an unquoted field is kept literally (Python's non-strict default). With
    /// `skipInitialSpace` (A1111 reads styles with `skipinitialspace=True`), spaces at the
    /// start of a field are dropped.
    static func parse(_ text: String, skipInitialSpace: Bool = false) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var quoteStartLine = 1
        var chars = Array(text.unicodeScalars)[...]
        var atFieldStart = true
        func endRow() {
            row.append(field)
            rows.append(row)
            row = []
            field = ""
            atFieldStart = true
        }
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" { chars.removeFirst(); field.unicodeScalars.append("\"") } else { inQuotes = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case " " where atFieldStart && skipInitialSpace:
                continue
            case "\"" where atFieldStart:
                inQuotes = true
                quoteStartLine = line
                atFieldStart = false
            case ",":
                row.append(field)
                field = ""
                atFieldStart = true
            case "\r", "\n":
                if c == "\r", chars.first == "\n" { chars.removeFirst() }
                endRow()
                line += 1
            default:
                field.unicodeScalars.append(c)
                atFieldStart = false
            }
        }
        if inQuotes { throw ParseError(line: quoteStartLine, reason: "quoted field is never closed") }
        if !field.isEmpty || !row.isEmpty { endRow() }
        return rows
    }

    static func format(_ rows: [[String]]) -> String {
        rows.map { $0.map(quoted).joined(separator: ",") + "\r\n" }.joined()
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
