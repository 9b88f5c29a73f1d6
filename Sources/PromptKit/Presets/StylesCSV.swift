import Foundation
import UntrustedText

/// A1111's `styles.csv`: columns `name,prompt,negative_prompt`.
///
/// Reading follows A1111 `modules/styles.py` `StyleDatabase.load_from_csv`: UTF-8 with an
/// optional BOM (`utf-8-sig`), `csv.DictReader(skipinitialspace=True)` with a header row,
/// rows whose name is empty or starts with `#` skipped, and the old two-column form
/// `name,text` accepted. Writing follows
/// `StyleDatabase.save_styles`: a BOM, the header `name,prompt,negative_prompt`, then one row
/// per style, RFC 4180 quoting, CRLF line ends.
public enum StylesCSV {
    /// Largest styles.csv read (8 MiB; A1111 style collections run to a few hundred KB).
    public static let maximumFileBytes = 8 << 20

    public static func read(from url: URL) throws -> [PromptStyle] {
        try parse(try JSONFile.readData(url, limit: maximumFileBytes), path: url.path)
    }

    public static func parse(_ data: Data, path: String) throws -> [PromptStyle] {
        guard data.count <= maximumFileBytes else {
            throw PromptKitError.badFile(location: path, reason: "file is \(data.count) bytes; the limit is \(maximumFileBytes)")
        }
        if let offset = TextPosition.firstInvalidUTF8Offset(in: data) {
            throw PromptKitError.badFile(location: TextPosition.location(path, data, offset), reason: "invalid UTF-8")
        }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let rows: [[String]]
        do { rows = try CSVTable.parse(text, skipInitialSpace: true) } catch let error as CSVTable.ParseError {
            throw PromptKitError.badFile(location: "\(path):\(error.line)", reason: error.reason)
        }
        guard let header = rows.first else { return [] }
        let column = { (name: String) in header.firstIndex(of: name) }
        guard let nameColumn = column("name"), let promptColumn = column("prompt") ?? column("text") else {
            throw PromptKitError.badFile(location: "\(path):1", reason: "header must have 'name' and 'prompt' columns (found: \(QuotedInput.list(header, separator: ",")))")
        }
        let negativeColumn = column("negative_prompt")
        let styles = rows.dropFirst().compactMap { row -> PromptStyle? in
            let field = { (index: Int?) in index.flatMap { $0 < row.count ? row[$0] : nil } ?? "" }
            let name = field(nameColumn).trimmed
            guard !name.isEmpty, !name.hasPrefix("#") else { return nil }
            return PromptStyle(name: name, prompt: field(promptColumn), negativePrompt: field(negativeColumn))
        }
        for style in styles { try style.checkTextLengths(file: path) }
        return styles
    }

    public static func format(_ styles: [PromptStyle]) -> Data {
        let rows = [["name", "prompt", "negative_prompt"]] + styles.map { [$0.name, $0.prompt, $0.negativePrompt] }
        return Data(("\u{FEFF}" + CSVTable.format(rows)).utf8)
    }

    /// Writes atomically; the folder must exist (it is a path the user typed).
    public static func write(_ styles: [PromptStyle], to url: URL) throws {
        try JSONFile.writeAtomically(format(styles), to: url, folder: .mustExist)
    }
}
