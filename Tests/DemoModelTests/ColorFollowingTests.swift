import Foundation
import XCTest

/// Issue 7's colour and guidance proofs, through the Swift engine on the shipped demo model,
/// on the 40 held-out (colour, subject, setting) triples of `heldout.json` — five per chromatic
/// colour, none of them ever drawn (so never captioned) in training. Case `i` uses seed `i`;
/// the seeds were fixed before looking at any output.
final class ColorFollowingTests: XCTestCase {
    /// The central region judged: the middle half of each side (32×32 of 64×64). Held-out
    /// prompts ask for one subject in close-up, which the renderer draws 0.86 of the frame wide
    /// at the centre (`scenes.py` `layout`).
    static let centralFraction = 0.5

    struct Outcome {
        var dominant: String?
        /// The fraction of central pixels in the named colour's class.
        var namedFraction: Double
        var matches: Bool
    }

    static func outcomes(cfg: Double) throws -> [Outcome] {
        let demo = try DemoModelRenderer.load()
        return try demo.heldOut.cases.enumerated().map { index, item in
            let image = try demo.render(item.prompt, seed: UInt64(index), cfg: cfg)
            let centre = ImageStatistics(central: image, fraction: centralFraction)
            let dominant = centre.dominantHue(demo.classifier)
            return Outcome(dominant: dominant, namedFraction: centre.fraction(of: item.color, demo.classifier),
                           matches: dominant == item.color)
        }
    }

    static func report(_ outcomes: [Outcome], cfg: Double) throws -> String {
        let cases = try DemoModelRenderer.load().heldOut.cases
        let lines = zip(cases, outcomes).map { item, o in
            "  \(o.matches ? "ok  " : "MISS") \(item.prompt) → \(o.dominant ?? "none") "
                + String(format: "(%.0f%% %@)", o.namedFraction * 100, item.color)
        }
        return "CFG \(cfg): \(outcomes.filter(\.matches).count)/\(outcomes.count) dominant hue matches\n"
            + lines.joined(separator: "\n")
    }

    /// The named colour is the dominant hue of the central region in at least 80% of the 40
    /// cases (issue 7).
    func testNamedColourIsDominantHueOfCentreInFourFifthsOfHeldOutCases() throws {
        let outcomes = try Self.outcomes(cfg: 7)
        let report = try Self.report(outcomes, cfg: 7)
        print(report)
        XCTAssertEqual(outcomes.count, 40)
        XCTAssertGreaterThanOrEqual(outcomes.filter(\.matches).count, 32, report)
    }

    /// Raising CFG from 1 (the prompt alone, no guidance) to 7 increases colour adherence: more
    /// cases with the named colour dominant, and a larger share of central pixels in it
    /// (measured on the committed model: CFG 1 32/40 and 67.6 %, CFG 7 36/40 and 72.9 %).
    func testGuidanceScaleSevenFollowsColourBetterThanOne() throws {
        let weak = try Self.outcomes(cfg: 1), strong = try Self.outcomes(cfg: 7)
        let weakMatches = weak.filter(\.matches).count, strongMatches = strong.filter(\.matches).count
        let weakShare = weak.map(\.namedFraction).reduce(0, +) / Double(weak.count)
        let strongShare = strong.map(\.namedFraction).reduce(0, +) / Double(strong.count)
        let summary = String(format: "CFG 1: %d/40 matches, %.1f%% named-colour pixels; CFG 7: %d/40, %.1f%%",
                             weakMatches, weakShare * 100, strongMatches, strongShare * 100)
        print(summary)
        print(try Self.report(weak, cfg: 1))
        XCTAssertGreaterThan(strongMatches, weakMatches, summary)
        XCTAssertGreaterThan(strongShare, weakShare, summary)
    }
}
