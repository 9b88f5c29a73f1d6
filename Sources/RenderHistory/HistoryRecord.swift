import Foundation
import PromptKit
import RenderSettings

/// One finished render as the history keeps it: `<id>.json` beside `<id>.png` (the image with
/// its A1111 `parameters`) and `<id>.thumb.png`. The grid and every setting are the preset file
/// format (`Preset`'s Codable form: grid, dialect, settings, model, styles), so a history entry
/// can become a preset as it is.
public struct HistoryRecord: Equatable, Sendable {
    /// The marker every record carries: a file without it was not written by Easel's history.
    public static let formatName = "easel-history-1"

    public var id: String
    public var date: Date
    /// The grid, the settings (prompt and negative left empty, as in a preset), the model file,
    /// the styles.
    public var preset: Preset
    /// The prompt and negative the render used.
    public var prompt: String
    public var negative: String
    /// A prompt kept as written (a PNG's prompt, `easel generate --prompt`), which the grid's
    /// rows were added after (PromptKit's `RawPrompt`); nil when the grid made the whole prompt.
    public var rawPrompt: String?
    public var rawNegative: String?
    /// The engine's label for a remote render; nil for the in-process engine.
    public var engine: String?

    public init(id: String, date: Date, preset: Preset, prompt: String, negative: String,
                rawPrompt: String? = nil, rawNegative: String? = nil, engine: String? = nil) {
        self.id = id
        self.date = date
        self.preset = preset
        self.prompt = prompt
        self.negative = negative
        self.rawPrompt = rawPrompt
        self.rawNegative = rawNegative
        self.engine = engine
    }

    /// The full settings of the render, prompt and negative included.
    public var settings: RenderSettings {
        var s = preset.settings
        s.prompt = prompt
        s.negativePrompt = negative
        return s
    }
}

extension HistoryRecord: Codable {
    private enum CodingKeys: String, CodingKey {
        case format, id, date, preset, prompt, negative, rawPrompt, rawNegative, engine
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let format = try c.decode(String.self, forKey: .format)
        guard format == Self.formatName else {
            throw DecodingError.dataCorruptedError(forKey: .format, in: c,
                debugDescription: "'format' is '\(format)', not \(Self.formatName)")
        }
        self.init(id: try c.decode(String.self, forKey: .id),
                  date: try Self.decodeDate(c),
                  preset: try c.decode(Preset.self, forKey: .preset),
                  prompt: try c.decode(String.self, forKey: .prompt),
                  negative: try c.decodeIfPresent(String.self, forKey: .negative) ?? "",
                  rawPrompt: try c.decodeIfPresent(String.self, forKey: .rawPrompt),
                  rawNegative: try c.decodeIfPresent(String.self, forKey: .rawNegative),
                  engine: try c.decodeIfPresent(String.self, forKey: .engine))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.formatName, forKey: .format)
        try c.encode(id, forKey: .id)
        try c.encode(Self.dateFormat.string(from: date), forKey: .date)
        try c.encode(preset, forKey: .preset)
        try c.encode(prompt, forKey: .prompt)
        try c.encode(negative, forKey: .negative)
        try c.encodeIfPresent(rawPrompt, forKey: .rawPrompt)
        try c.encodeIfPresent(rawNegative, forKey: .rawNegative)
        try c.encodeIfPresent(engine, forKey: .engine)
    }

    /// Dates are ISO 8601 in UTC with milliseconds ("2026-12-04T01:20:10.123Z").
    static let dateFormat: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()

    private static func decodeDate(_ c: KeyedDecodingContainer<CodingKeys>) throws -> Date {
        let text = try c.decode(String.self, forKey: .date)
        guard let date = dateFormat.date(from: text) else {
            throw DecodingError.dataCorruptedError(forKey: .date, in: c, debugDescription: "'date' is not an ISO 8601 time: \(text)")
        }
        return date
    }
}
