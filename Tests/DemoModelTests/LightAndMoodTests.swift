import Foundation
import XCTest

/// Issue 7's light proofs on held-out triples (one case per chromatic colour: cases 0, 5, …, 35
/// of `heldout.json`, each with its colour test's seed), judged over the whole image.
final class LightAndMoodTests: XCTestCase {
    static func sample() throws -> [(seed: UInt64, item: HeldOutSet.Case)] {
        let cases = try DemoModelRenderer.load().heldOut.cases
        return stride(from: 0, to: cases.count, by: 5).map { (UInt64($0), cases[$0]) }
    }

    /// Night scenes are clearly darker than day scenes: every night render is darker than its
    /// day twin (same triple, same seed), and on average at most half as bright.
    func testNightScenesAreClearlyDarkerThanDayScenes() throws {
        try PromptFollowingGate.require()
        let demo = try DemoModelRenderer.load()
        var day: [Double] = [], night: [Double] = []
        for (seed, item) in try Self.sample() {
            day.append(ImageStatistics(try demo.render(item.prompt, seed: seed)).meanLuma)
            night.append(ImageStatistics(try demo.render(item.prompt(light: "night"), seed: seed)).meanLuma)
        }
        let summary = "mean luma, day: \(day.map { Int($0) }), night: \(night.map { Int($0) })"
        print(summary)
        for (d, n) in zip(day, night) { XCTAssertLessThan(n, d, summary) }
        XCTAssertLessThan(night.reduce(0, +), 0.5 * day.reduce(0, +), summary)
    }

    /// Noir is near-greyscale: adding "noir" brings the mean HSV saturation below 0.1, and
    /// under a third of the same prompts' saturation without it.
    func testNoirIsNearGreyscale() throws {
        try PromptFollowingGate.require()
        let demo = try DemoModelRenderer.load()
        var plain: [Double] = [], noir: [Double] = []
        for (seed, item) in try Self.sample() {
            plain.append(ImageStatistics(try demo.render(item.prompt, seed: seed)).meanSaturation)
            noir.append(ImageStatistics(try demo.render(item.prompt + ", noir", seed: seed)).meanSaturation)
        }
        let meanPlain = plain.reduce(0, +) / Double(plain.count), meanNoir = noir.reduce(0, +) / Double(noir.count)
        let summary = String(format: "mean saturation, plain %.3f, noir %.3f; noir per case: %@", meanPlain, meanNoir,
                             noir.map { String(format: "%.3f", $0) }.joined(separator: " "))
        print(summary)
        XCTAssertLessThan(meanNoir, 0.1, summary)
        XCTAssertLessThan(meanNoir, meanPlain / 3, summary)
    }
}
