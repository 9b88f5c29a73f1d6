import Foundation
import Imaging
import TestSupport
import XCTest

/// `easel generate` keeps its render in the history of a temporary XDG_DATA_HOME (never the
/// user's); `--no-history` does not; `easel history list/show` read it back. The tiny fixture
/// model at 64×64 and 2 steps keeps it quick; the PNG in the history is compared with the one
/// `--output` got (the same bytes of pixels, written twice).
final class HistoryCLITests: XCTestCase {
    func testGenerateKeepsTheRenderAndTheCLIListsIt() throws {
        let work = try Fixtures.temporaryDirectory("easel-history-cli")
        let environment = ["XDG_DATA_HOME": work.appendingPathComponent("data").path,
                           "XDG_CONFIG_HOME": work.appendingPathComponent("config").path]
        let model = Fixtures.url("tiny-sd15.safetensors").path
        let output = work.appendingPathComponent("out.png")
        func generate(_ extra: [String]) throws -> EaselProcess.Output {
            try EaselProcess.run(["generate", "--model", model, "--prompt", "a lighthouse", "--steps", "2",
                                  "--width", "64", "--height", "64", "--seed", "11", "-o", output.path] + extra,
                                 environment: environment)
        }
        XCTAssertEqual(try generate([]).status, 0)
        XCTAssertEqual(try generate(["--no-history"]).status, 0)
        let list = try EaselProcess.run(["history", "list"], environment: environment)
        XCTAssertEqual(list.status, 0, list.stderr)
        let lines = list.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, list.stdout)
        XCTAssertTrue(lines[0].hasPrefix("   1  "), String(lines[0]))
        XCTAssertTrue(lines[0].hasSuffix("seed 11  64×64  a lighthouse"), String(lines[0]))
        let show = try EaselProcess.run(["history", "show", "1"], environment: environment)
        XCTAssertEqual(show.status, 0, show.stderr)
        let imageLine = try XCTUnwrap(show.stdout.split(separator: "\n").first { $0.hasPrefix("image: ") })
        let kept = try PNGFile.read(from: URL(fileURLWithPath: String(imageLine.dropFirst(7))))
        XCTAssertEqual(kept.image, try PNGFile.read(from: output).image)
        XCTAssertTrue(kept.text["parameters"]?.hasPrefix("a lighthouse\n") == true)
        let missing = try EaselProcess.run(["history", "show", "2"], environment: environment)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.hasPrefix("easel: ") && missing.stderr.contains("no entry 2; the history has 1–1"), missing.stderr)
    }
}
