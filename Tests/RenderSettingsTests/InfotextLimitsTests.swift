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
}
