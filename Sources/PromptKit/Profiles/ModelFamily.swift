import Foundation

/// A model family, which is also the name of its prompt dialect.
public enum ModelFamily: String, CaseIterable, Codable, Sendable {
    case sd15
    case sdxl
    case pony
    case flux
    case midjourney
    /// Hosted models that read plain English (Seedream, Nano Banana, GPT, Ideogram).
    case natural

    /// Parses a family/dialect name, accepting a few spellings ("sd1.5", "SDXL", "mj").
    public static func named(_ name: String) throws -> ModelFamily {
        let key = name.lowercased().filter { !$0.isWhitespace && $0 != "." && $0 != "-" && $0 != "_" }
        let aliases: [String: ModelFamily] = ["sd15": .sd15, "sd1": .sd15, "sdxl": .sdxl, "pony": .pony,
                                              "ponyxl": .pony, "flux": .flux, "flux1": .flux,
                                              "midjourney": .midjourney, "mj": .midjourney, "natural": .natural]
        guard let family = aliases[key] else { throw PromptKitError.unknownDialect(name) }
        return family
    }

    /// "sd15, sdxl, pony, flux, midjourney, natural".
    public static var validNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

extension ModelFamily {
    /// Decodes any spelling `named(_:)` accepts.
    public init(from decoder: Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        do { self = try ModelFamily.named(name) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }
}
