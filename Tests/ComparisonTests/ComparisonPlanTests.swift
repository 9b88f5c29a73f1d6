import Comparison
import PromptKit
import RenderSettings
import XCTest

/// Plans from `--xy` specs. Expected cells, labels and infotext are worked out by hand from
/// xyz_grid.py: cells row by row (`index = ix + iy · len(xs)`), labels "CFG Scale: 7" for
/// numbers (`format_value_add_label`) and bare for Sampler and Prompt S/R, infotext keys
/// `Script`, `X Type`, `X Values`, `Fixed X Values` (seeds), `Y Type`, `Y Values`.
final class ComparisonPlanTests: XCTestCase {
    func testTwoAxesMakeCellsRowByRow() throws {
        let plan = try ComparisonPlan(specs: ["cfg=4,7,10", "seed=1,2"])
        XCTAssertEqual(plan.columns, 3)
        XCTAssertEqual(plan.rows, 2)
        let base = RenderSettings(prompt: "a cat", cfgScale: 5, seed: 99)
        let settings = try plan.allSettings(base: base)
        XCTAssertEqual(settings.map(\.cfgScale), [4, 7, 10, 4, 7, 10])
        XCTAssertEqual(settings.map(\.seed), [1, 1, 1, 2, 2, 2])
        XCTAssertEqual(plan.x.labels, ["CFG Scale: 4", "CFG Scale: 7", "CFG Scale: 10"])
        XCTAssertEqual(plan.y?.labels, ["Seed: 1", "Seed: 2"])
        XCTAssertEqual(plan.infotextFields.map { "\($0.key): \($0.value)" },
                       ["Script: X/Y/Z plot", "X Type: CFG Scale", "X Values: 4,7,10",
                        "Y Type: Seed", "Y Values: 1,2", "Fixed Y Values: 1, 2"])
    }

    func testPromptSearchReplace() throws {
        // The wiki's example: prompt "a man holding an apple, 8k clean", S/R "an apple, a watermelon, a gun".
        let plan = try ComparisonPlan(specs: ["sr=an apple, a watermelon, a gun"])
        let base = RenderSettings(prompt: "a man holding an apple, 8k clean")
        XCTAssertEqual(try plan.allSettings(base: base).map(\.prompt),
                       ["a man holding an apple, 8k clean", "a man holding a watermelon, 8k clean", "a man holding a gun, 8k clean"])
        XCTAssertEqual(plan.x.labels, ["an apple", "a watermelon", "a gun"])
        XCTAssertThrowsError(try plan.allSettings(base: RenderSettings(prompt: "a dog"))) { error in
            XCTAssertEqual("\(error)", "xy Prompt S/R: 'an apple': not found in the prompt or the negative prompt")
        }
    }

    func testSamplerKeepsAnExplicitScheduleAndFollowsAnAutomaticOne() throws {
        let plan = try ComparisonPlan(specs: ["sampler=Euler,DPM++ 2M Karras"])
        var base = RenderSettings(sampler: .eulerA)       // its automatic schedule
        var cells = try plan.allSettings(base: base)
        XCTAssertEqual(cells.map(\.sampler), [.euler, .dpmpp2m])
        XCTAssertEqual(cells.map(\.schedule), [Sampler.euler.automaticSchedule, .karras])
        base.schedule = .exponential
        cells = try plan.allSettings(base: base)
        XCTAssertEqual(cells.map(\.schedule), [.exponential, .karras])
    }

    func testLoraWeightRewritesTheTag() throws {
        let plan = try ComparisonPlan(specs: ["lora:film=0-1 [3]"])
        let base = RenderSettings(prompt: "a cat <lora:film:0.8:0.2>, <lora:other:1>")
        XCTAssertEqual(try plan.allSettings(base: base).map(\.prompt),
                       ["a cat <lora:film:0>, <lora:other:1>", "a cat <lora:film:0.5>, <lora:other:1>",
                        "a cat <lora:film:1>, <lora:other:1>"])
        XCTAssertEqual(plan.x.labels, ["film: 0", "film: 0.5", "film: 1"])
        XCTAssertThrowsError(try plan.allSettings(base: RenderSettings(prompt: "a cat")))
    }

    func testGridRowAxisChangesTheGridOnly() throws {
        let plan = try ComparisonPlan(specs: ["what=red heart,blue heart", "steps=1-2"])
        XCTAssertTrue(plan.changesGrid)
        var grid = PromptGrid()
        grid.what = PromptGrid.Row("heart", "big")
        let cells = plan.cells
        XCTAssertEqual(cells.map { plan.grid(for: $0, base: grid).what.value }, ["red heart", "blue heart", "red heart", "blue heart"])
        XCTAssertEqual(plan.grid(for: cells[0], base: grid).what.qualifier, "big")
        XCTAssertEqual(try plan.allSettings(base: RenderSettings()).map(\.steps), [1, 1, 2, 2])
    }

    func testRandomSeedsAreFixedAndRecorded() throws {
        var next: UInt64 = 41
        let plan = try ComparisonPlan(specs: ["seed=-1,5,-1"]).fixingRandomSeeds { next += 1; return next }
        XCTAssertEqual(plan.x.values, [.integer(42), .integer(5), .integer(43)])
        XCTAssertEqual(plan.infotextFields.last.map { "\($0.key): \($0.value)" }, "Fixed X Values: 42, 5, 43")
    }

    func testBadSpecsAreOneLineErrors() {
        func message(_ specs: [String]) -> String {
            do { _ = try ComparisonPlan(specs: specs); return "no error" } catch { return "\(error)" }
        }
        XCTAssertTrue(message(["colour=1,2"]).hasPrefix("xy: unknown axis 'colour'; known: seed, steps, cfg"))
        XCTAssertEqual(message(["cfg"]), "xy: 'cfg' is not AXIS=VALUES (e.g. cfg=4,7,10)")
        XCTAssertEqual(message(["sampler=Euler,Nope"]), "xy Sampler: 'Nope': unknown sampler")
        XCTAssertEqual(message(["steps=0,5"]), "xy Steps: '0': must be 1…10000")
        XCTAssertEqual(message(["cfg=1", "cfg=2"]), "xy: the axis 'CFG Scale' is given twice")
        XCTAssertEqual(message(["cfg=1", "seed=1", "steps=1"]), "xy: at most 2 axes (X and Y), got 3")
        XCTAssertEqual(message(["seed=1-20", "steps=1-20"]), "xy: 400 cells is more than 256")
        XCTAssertFalse(message(["cfg=1,2"]).contains("\n"))
    }
}
