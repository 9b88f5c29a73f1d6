import Imaging
import XCTest

/// The test-side classifier, checked against the demo model's vocabulary before it judges any
/// render. These need only `heldout.json`, not the model.
final class ColorClassifierTests: XCTestCase {
    private func vocabulary() throws -> HeldOutSet { try HeldOutSet.load() }

    private func rgb(_ c: HeldOutSet.NamedColor) -> RGBColor {
        RGBColor(red: UInt8(c.rgb[0]), green: UInt8(c.rgb[1]), blue: UInt8(c.rgb[2]))
    }

    /// `heldout.json` stores each colour's hue from Python's `colorsys.rgb_to_hsv`, rounded to
    /// 0.1°: the Swift conversion must agree within that rounding.
    func testHueMatchesColorsysValuesInHeldOutJSON() throws {
        for (name, color) in try vocabulary().colors {
            XCTAssertEqual(HSV(rgb(color)).hue, color.hue, accuracy: 0.051, name)
        }
    }

    /// Hand-computed colorsys values: (245, 110, 185) → h = 326.67°, s = 135/245, v = 245/255.
    func testHSVOfPinkByHand() {
        let hsv = HSV(RGBColor(red: 245, green: 110, blue: 185))
        XCTAssertEqual(hsv.hue, 326.666_7, accuracy: 1e-3)
        XCTAssertEqual(hsv.saturation, 135.0 / 245.0, accuracy: 1e-12)
        XCTAssertEqual(hsv.value, 245.0 / 255.0, accuracy: 1e-12)
    }

    /// Every colour the scene renderer paints subjects with lands in its own class.
    func testEveryVocabularyColourClassifiesAsItself() throws {
        let set = try vocabulary()
        let classifier = ColorClassifier(vocabulary: set)
        XCTAssertEqual(classifier.hues.count, 8)
        for (name, color) in set.colors {
            XCTAssertEqual(classifier.classify(rgb(color)), name)
        }
    }

    /// Sector edges are the midpoints between neighbouring vocabulary hues (computed by hand
    /// from heldout.json: red|orange 15.35°, green|cyan 155.35°, pink|red 343.35°), probed with
    /// fully saturated, fully bright colours one degree either side.
    func testSectorEdgesAreMidpointsBetweenVocabularyHues() throws {
        let classifier = ColorClassifier(vocabulary: try vocabulary())
        func hue(_ degrees: Double) -> RGBColor {   // s = v = 1
            let h = degrees / 60, x = 1 - abs(h.truncatingRemainder(dividingBy: 2) - 1)
            let (r, g, b): (Double, Double, Double) = switch Int(h) {
            case 0: (1, x, 0)
            case 1: (x, 1, 0)
            case 2: (0, 1, x)
            case 3: (0, x, 1)
            case 4: (x, 0, 1)
            default: (1, 0, x)
            }
            return RGBColor(red: UInt8((r * 255).rounded()), green: UInt8((g * 255).rounded()), blue: UInt8((b * 255).rounded()))
        }
        let expected: [(Double, String)] = [
            (14, "red"), (17, "orange"), (154, "green"), (157, "cyan"), (342, "pink"), (345, "red"),
            (40, "orange"), (44, "yellow"), (206, "cyan"), (209, "blue"), (251, "blue"), (254, "purple"),
            (300, "purple"), (303, "pink"), (87, "yellow"), (90, "green"),
        ]
        for (degrees, name) in expected {
            XCTAssertEqual(classifier.classify(hue(degrees)), name, "hue \(degrees)°")
        }
    }

    /// Achromatic and brown rules: low value is black, low saturation white or gray, a dark
    /// orange is brown, while the renderer's 0.6× orange outline (147, 81, 12) stays orange.
    func testAchromaticAndBrownRules() throws {
        let classifier = ColorClassifier(vocabulary: try vocabulary())
        XCTAssertEqual(classifier.classify(RGBColor(red: 40, green: 10, blue: 10)), "black")      // v = 0.157
        XCTAssertEqual(classifier.classify(RGBColor(red: 230, green: 225, blue: 220)), "white")   // s = 0.043
        XCTAssertEqual(classifier.classify(RGBColor(red: 120, green: 110, blue: 100)), "gray")    // s = 0.167, v = 0.47
        XCTAssertEqual(classifier.classify(RGBColor(red: 100, green: 60, blue: 30)), "brown")     // h = 25.7°, v = 0.39
        XCTAssertEqual(classifier.classify(RGBColor(red: 147, green: 81, blue: 12)), "orange")    // v = 0.576
    }
}
