import Foundation
import Imaging
import RenderSettings
import TestSupport
import XCTest

/// `easel generate --xy` on the shared fixtures' tiny SD 1.5 model. The independent path is a
/// separate `easel generate` per cell with the same settings given as ordinary flags: every cell
/// of the sheet must equal it pixel for pixel. The sheet's geometry is worked out by hand
/// (`ComparisonSheetTests` checks the same numbers): 64 px cells use font scale 1, "CFG Scale: 4"
/// wraps to two lines so the label band is 4 + 7 + 2 + 7 + 4 = 24 px high, and "Seed: 1" is
/// 7 · 6 − 1 = 41 px wide plus 2 · 4 padding, so the row-label band is 49 px wide.
final class GenerateComparisonCLITests: XCTestCase {
    private var work: URL!
    override func setUpWithError() throws { work = try Fixtures.temporaryDirectory("easel-xy") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    private var common: [String] {
        ["generate", "--model", Fixtures.url("tiny-sd15.safetensors").path, "--prompt", "a cat", "--negative", "blurry",
         "--steps", "3", "--width", "64", "--height", "64", "--precision", "fp32"]
    }

    func testEachCellEqualsASingleGenerate() throws {
        let sheetURL = work.appendingPathComponent("sheet.png")
        let xy = try EaselProcess.run(common + ["--xy", "cfg=4,7", "--xy", "seed=1,2", "--xy-cells", "--output", sheetURL.path])
        XCTAssertEqual(xy.status, 0, xy.stderr)
        XCTAssertTrue(xy.stderr.contains("cell 4 of 4: CFG Scale: 7, Seed: 2"), xy.stderr)
        let sheet = try PNGFile.read(from: sheetURL).image
        XCTAssertEqual(sheet.width, 49 + 2 * 64)
        XCTAssertEqual(sheet.height, 24 + 2 * 64)
        for (index, (cfg, seed)) in [("4", "1"), ("7", "1"), ("4", "2"), ("7", "2")].enumerated() {
            let singleURL = work.appendingPathComponent("single-\(index).png")
            let single = try EaselProcess.run(common + ["--cfg", cfg, "--seed", seed, "--output", singleURL.path])
            XCTAssertEqual(single.status, 0, single.stderr)
            let expected = try PNGFile.read(from: singleURL)
            let cell = try PNGFile.read(from: work.appendingPathComponent("sheet-cell-\(index + 1).png"))
            XCTAssertEqual(cell.image, expected.image, "cell \(index + 1)")
            XCTAssertEqual(cell.text["parameters"], expected.text["parameters"], "cell \(index + 1)")
            let x = 49 + (index % 2) * 64, y = 24 + (index / 2) * 64
            XCTAssertEqual(sheet.cropped(x: x, y: y, width: 64, height: 64), expected.image, "sheet cell \(index + 1)")
        }
        // The sheet's infotext: the base settings and the axes under xyz_grid.py's keys.
        let text = try XCTUnwrap(PNGFile.readText(from: sheetURL)["parameters"])
        XCTAssertTrue(text.contains(#"Script: X/Y/Z plot, X Type: CFG Scale, X Values: "4,7", Y Type: Seed, Y Values: "1,2", Fixed Y Values: "1, 2""#), text)
        let settings = try Infotext.parse(text)
        XCTAssertEqual(settings.prompt, "a cat")
        XCTAssertEqual(settings.negativePrompt, "blurry")
        XCTAssertEqual(settings.steps, 3)
        XCTAssertEqual(settings.modelName, "tiny-sd15")
    }

    func testBadAxisIsOneLineNamingAxisAndValue() throws {
        let output = work.appendingPathComponent("bad.png")
        for (spec, message) in [("cfg=4,x", "xy CFG Scale: 'x': expected a number"),
                                ("colour=red", "xy: unknown axis 'colour'"),
                                ("sampler=Euler,Nope", "xy Sampler: 'Nope': unknown sampler")] {
            let result = try EaselProcess.run(common + ["--xy", spec, "--output", output.path])
            XCTAssertEqual(result.status, 1, spec)
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
            XCTAssertTrue(result.stderr.contains(message), result.stderr)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: work.path), [])
    }

    /// Ctrl-C in the second cell: exit 130, and neither the sheet nor the first cell is written.
    func testInterruptLeavesNoFile() throws {
        let output = work.appendingPathComponent("interrupted.png")
        let job = try EaselProcess.start(common + ["--xy", "steps=1,2000", "--xy-cells", "--output", output.path])
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("cell 2 of 2") {
            let chunk = job.err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        usleep(300_000)
        kill(job.process.processIdentifier, SIGINT)
        job.process.waitUntilExit()
        XCTAssertEqual(job.process.terminationStatus, 130)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: work.path), [])
    }
}
