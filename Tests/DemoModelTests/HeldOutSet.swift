import Foundation
import TestSupport

/// `tools/demo-model/heldout.json`: the colour × subject × setting triples that no training
/// image (and so no training caption) has, with the vocabulary the tests need.
struct HeldOutSet: Decodable {
    struct NamedColor: Decodable {
        var rgb: [Int]
        var hue: Double
        var chromatic: Bool
    }

    struct Case: Decodable {
        var color: String
        var subject: String
        var setting: String
        /// "red tree, sky, day, close-up": one subject, day light, close-up.
        var prompt: String
    }

    var imageSize: Int
    var colors: [String: NamedColor]
    var lights: [String: String]
    var moods: [String: String]
    var cases: [Case]

    enum CodingKeys: String, CodingKey {
        case imageSize = "image_size", colors, lights, moods, cases
    }

    static let url = Fixtures.repoRoot.appendingPathComponent("tools/demo-model/heldout.json")

    static func load() throws -> HeldOutSet {
        try JSONDecoder().decode(HeldOutSet.self, from: Data(contentsOf: url))
    }
}

extension HeldOutSet.Case {
    /// The same prompt under another light: "red tree, sky, day, close-up" → "…, night, …".
    /// The (colour, subject, setting) triple stays held out.
    func prompt(light: String) -> String {
        prompt.replacingOccurrences(of: ", day,", with: ", \(light),")
    }
}
