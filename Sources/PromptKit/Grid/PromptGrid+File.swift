import Foundation
import UntrustedText

extension PromptGrid {
    /// Longest text accepted in one row, tag or the negative: the one prompt-text limit,
    /// `PromptTextLimit.maximumBytes` (32 KiB).
    public static var maximumTextBytes: Int { PromptTextLimit.maximumBytes }

    /// Reads a grid file (see `PromptGrid+Codable` for the format).
    public static func load(from url: URL) throws -> PromptGrid {
        let grid = try JSONFile.read(PromptGrid.self, from: url)
        try grid.checkTextLengths(file: url.path)
        return grid
    }

    public func save(to url: URL) throws {
        try JSONFile.write(self, to: url)
    }

    /// The grid as one line of JSON (sorted keys), the form a saved image carries it in.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// A grid from `jsonText()`'s form; errors name `source` (say, the image file).
    public static func fromJSON(_ text: String, source: String) throws -> PromptGrid {
        let grid = try JSONFile.decode(PromptGrid.self, from: Data(text.utf8), path: source)
        try grid.checkTextLengths(file: source)
        return grid
    }

    /// Throws when a row, tag or the negative is longer than `maximumTextBytes`.
    public func checkTextLengths(file: String? = nil) throws {
        var texts = Field.allCases.flatMap { [("\($0.rawValue).value", self[$0].value), ("\($0.rawValue).qualifier", self[$0].qualifier)] }
        texts += [("negative", negative)] + extraTags.enumerated().map { ("extraTags[\($0.offset)]", $0.element) }
        for (name, text) in texts where text.utf8.count > Self.maximumTextBytes {
            let what = file.map { "\($0): '\(name)'" } ?? "'\(name)'"
            throw PromptKitError.textTooLong(what: what, bytes: text.utf8.count, limit: Self.maximumTextBytes)
        }
    }
}
