import Foundation
import XCTest
@testable import RenderSettings

/// Issue 17, items 4 and 5.
final class InfotextLimitsTests: XCTestCase {
    private let parameters = "Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 64x64"

    /// 1,000 extra keys, the cap: read in well under a second. Before the fix each key searched
    /// the extra keys read so far and each substring was cut from a bridged NSString: 20,000 keys
    /// took 38 s in a debug build (issue: 100,000 took 21 s); the bound here is loose on purpose.
    func testManyKeysParseQuicklyAndRepeatedKeysKeepTheirPlace() throws {
        let extra = (0..<(Infotext.maximumFields - 10)).map { "Key\($0): \($0)" }.joined(separator: ", ")
        let start = Date()
        let settings = try Infotext.parse("a cat\n\(parameters), \(extra), Key3: again")
        XCTAssertLessThan(Date().timeIntervalSince(start), 1.0)
        XCTAssertEqual(settings.extraParameters.count, Infotext.maximumFields - 10)
        // A1111 reads the line into a dict: a repeated key keeps its first place, the last value.
        XCTAssertEqual(settings.extraParameters[3], InfotextField(key: "Key3", value: "again"))
    }

    func testMoreThanTheCapIsOneError() {
        let extra = (0..<(Infotext.maximumFields + 1)).map { "Key\($0): \($0)" }.joined(separator: ", ")
        XCTAssertThrowsError(try Infotext.parse("a cat\n\(parameters), \(extra)")) {
            XCTAssertEqual("\($0)", "infotext: more than 1000 parameters")
        }
    }

    /// The one limit (32 KiB, `PromptTextLimit`) on a PNG's prompt and negative: before, a
    /// 300 KB prompt was read and rendered (3.9 GB, 48 s).
    func testPromptOverTheLimitIsRefused() throws {
        let atLimit = String(repeating: "a", count: 32 * 1024)
        XCTAssertEqual(try Infotext.parse("\(atLimit)\n\(parameters)").prompt.utf8.count, 32 * 1024)
        XCTAssertThrowsError(try Infotext.parse("\(atLimit)b\n\(parameters)")) {
            XCTAssertEqual("\($0)", "prompt: 32769 bytes, over the 32768-byte limit for prompt text")
        }
        XCTAssertThrowsError(try Infotext.parse("a\nNegative prompt: \(atLimit)b\n\(parameters)")) {
            XCTAssertTrue("\($0)".hasPrefix("negative prompt: 32769 bytes"), "\($0)")
        }
        var settings = RenderSettings()
        settings.prompt = atLimit + "b"
        XCTAssertThrowsError(try settings.validate())
    }

    /// `easel-fuzz` found the parameter pattern quadratic on a long run of words with no `:`
    /// (32 KB of "at at …": 28 s in a debug build before `InfotextParameterScanner`).
    func testALongRunWithoutAColonIsLinear() throws {
        let start = Date()
        let settings = try Infotext.parse("x\n" + String(repeating: "at ", count: 10_900) + ", Steps: 3, Seed: 1, Size: 8x8")
        XCTAssertEqual(settings.steps, 3)
        XCTAssertLessThan(Date().timeIntervalSince(start), 1)
    }

    /// The scanner must find exactly what one `NSRegularExpression` search of A1111's pattern
    /// finds (the pattern itself decides every match; the scanner only skips starts where none
    /// can begin). The lines are the tricky ones: quotes, escapes, spaces, dashes, slashes,
    /// non-ASCII words, a surrogate pair, colons in odd places.
    func testTheScannerFindsWhatTheRegexFinds() throws {
        let pattern = try NSRegularExpression(pattern: Infotext.parameterPattern)
        let lines = [
            "Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 64x64",
            #"Lora hashes: "a: 1, b: 2", Note: "esc \" quote", Bad: "open, Next: 1"#,
            "  Key-with/slash: v, 9lives: x, _u: y, :lonely, a:b, ab:, é clé: ü, 猫 名: 値, 😀x: 1, x😀: 2",
            "no colon at all, just words and spaces",
            "a b c d: e: f, g h : i, j\tk: l, m\r: n",
            "\"quoted key\": v, Normal: \"\", Empty: , Last: end",
        ]
        for line in lines {
            let ns = line as NSString
            let expected = pattern.matches(in: line, range: NSRange(location: 0, length: ns.length)).map {
                [ns.substring(with: $0.range), ns.substring(with: $0.range(at: 1)), ns.substring(with: $0.range(at: 2))]
            }
            var found: [[String]] = []
            InfotextParameterScanner(line).forEachMatch(of: pattern) {
                found.append([ns.substring(with: $0.range), ns.substring(with: $0.range(at: 1)), ns.substring(with: $0.range(at: 2))])
                return true
            }
            XCTAssertEqual(found, expected, line)
        }
    }
}
