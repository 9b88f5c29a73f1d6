import Foundation

/// The grid file format (JSON). Every key is optional; an unknown key is an error naming it.
///
/// ```json
/// {
///   "family": "sd15",
///   "what":  {"value": "photo", "qualifier": "in motion"},
///   "who":   {"value": "model", "qualifier": "albino, big grey eyes", "weight": 1.2},
///   "where": "church",
///   "extraTags": ["film grain"],
///   "negative": "blurry"
/// }
/// ```
/// Row keys: `what who doing where wearing light mood period composition medium style`.
/// A row is an object (`value`, `qualifier`, optional `weight`) or just a string (the value).
extension PromptGrid: Codable {
    static let otherKeys = ["family", "extraTags", "negative"]
    static var allKeys: [String] { Field.allCases.map(\.rawValue) + otherKeys }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: DynamicCodingKey.self)
        if let unknown = c.allKeys.first(where: { !Self.allKeys.contains($0.stringValue) }) {
            throw DecodingError.dataCorruptedError(
                forKey: unknown, in: c,
                debugDescription: "unknown key '\(unknown.stringValue)'; known keys: \(Self.allKeys.joined(separator: ", "))")
        }
        self.init(family: try c.decodeIfPresent(ModelFamily.self, forKey: DynamicCodingKey("family")) ?? .sd15)
        for field in Field.allCases {
            self[field] = try c.decodeIfPresent(Row.self, forKey: DynamicCodingKey(field.rawValue)) ?? Row()
        }
        extraTags = try c.decodeIfPresent([String].self, forKey: DynamicCodingKey("extraTags")) ?? []
        negative = try c.decodeIfPresent(String.self, forKey: DynamicCodingKey("negative")) ?? ""
    }

    /// Writes only what is filled in: empty rows, an empty tag list and an empty negative are
    /// left out.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: DynamicCodingKey.self)
        try c.encode(family, forKey: DynamicCodingKey("family"))
        for (field, row) in filledRows {
            try c.encode(row, forKey: DynamicCodingKey(field.rawValue))
        }
        if !extraTags.isEmpty { try c.encode(extraTags, forKey: DynamicCodingKey("extraTags")) }
        if !negative.isEmpty { try c.encode(negative, forKey: DynamicCodingKey("negative")) }
    }
}

extension PromptGrid.Row: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case value, qualifier, weight }

    public init(from decoder: Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self.init(text)
            return
        }
        guard let c = try? decoder.container(keyedBy: CodingKeys.self) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "expected a string or an object with value, qualifier, weight"))
        }
        if let unknown = (try? decoder.container(keyedBy: DynamicCodingKey.self))?.allKeys
            .first(where: { CodingKeys(stringValue: $0.stringValue) == nil }) {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [unknown],
                debugDescription: "unknown key '\(unknown.stringValue)'; known keys: value, qualifier, weight"))
        }
        self.init(try c.decodeIfPresent(String.self, forKey: .value) ?? "",
                  try c.decodeIfPresent(String.self, forKey: .qualifier) ?? "",
                  weight: try c.decodeIfPresent(Double.self, forKey: .weight))
        if let weight, !(weight.isFinite && weight >= 0) {
            throw DecodingError.dataCorruptedError(forKey: .weight, in: c, debugDescription: "weight must be a number ≥ 0")
        }
    }

    /// A row with only a value is written as a plain string.
    public func encode(to encoder: Encoder) throws {
        if qualifier.isEmpty && weight == nil {
            var single = encoder.singleValueContainer()
            try single.encode(value)
            return
        }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encodeIfPresent(weight, forKey: .weight)
    }
}
