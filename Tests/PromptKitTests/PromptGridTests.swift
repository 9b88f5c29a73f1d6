import XCTest
@testable import PromptKit

final class PromptGridTests: XCTestCase {
    func testEditingIsAValueChangeAndEmptyRowsVanish() {
        var g = PromptGrid(family: .sd15)
        g.who = .init("cat")
        g[.mood] = .init("calm", "sleepy")
        let copy = g
        g.who.qualifier = "ginger"
        XCTAssertEqual(copy.who.qualifier, "", "the copy is unchanged")
        XCTAssertEqual(g.render(in: .sdxl).prompt, "cat, ginger, calm, sleepy, masterpiece, best quality, 8k, ultra-detailed")
        g.mood = .init("  ", "")
        XCTAssertEqual(g.filledRows.map(\.field), [.who])
        XCTAssertEqual(g.render(in: .sdxl).prompt, "cat, ginger, masterpiece, best quality, 8k, ultra-detailed")
        XCTAssertEqual(g.render(in: .flux).prompt, "A cat, ginger.")
        XCTAssertEqual(g.render(in: .midjourney).prompt, "cat, ginger.")
    }

    func testEmptyGrid() {
        let g = PromptGrid()
        XCTAssertTrue(g.isEmpty)
        XCTAssertEqual(g.render(in: .sd15).prompt, "(best quality:1.4)")
        XCTAssertEqual(g.render(in: .flux).prompt, "")
        XCTAssertEqual(g.render(in: .midjourney).prompt, "")
    }

    func testTagDialectEmphasisDedupAndNegative() {
        var g = PromptGrid(family: .sd15)
        g.who = .init("knight", "silver armor", weight: 1.3)
        g.light = .init("sunset", weight: 1)
        g.extraTags = ["best quality, film grain", "Knight"]
        g.negative = "blurry, watermark"
        let r = g.render()
        // "best quality" and "Knight" are not repeated; weight 1 writes no group.
        XCTAssertEqual(r.prompt, "(best quality:1.4), (knight, silver armor:1.3), sunset, best quality, film grain, Knight")
        XCTAssertEqual(r.negative, "(worst quality, low quality:1.4), watermark, signature, blurry")
    }

    /// The guide's SD 1.5 default negative typed into the grid's negative row is recognised as
    /// the default and written once; an emphasis group with commas stays one tag.
    func testEmphasisGroupsAreNotSplitAtCommas() {
        var g = PromptGrid(family: .sd15)
        g.who = .init("cat")
        g.negative = "(worst quality, low quality:1.4), watermark, signature, blurry"
        g.extraTags = ["(soft light, film grain:1.2), [wide, shot]"]
        let rendered = g.render(in: .sd15)
        XCTAssertEqual(rendered.negative, "(worst quality, low quality:1.4), watermark, signature, blurry")
        XCTAssertEqual(rendered.prompt,
                       "(best quality:1.4), cat, (soft light, film grain:1.2), [wide, shot]")
    }

    func testMidjourneyNegativeBecomesNoParameter() {
        var g = PromptGrid(family: .midjourney)
        g.who = .init("fox")
        g.negative = "text, watermark"
        XCTAssertEqual(g.render(), RenderedPrompt(prompt: "fox. --no text, watermark", negative: nil))
    }

    func testFluxDropsNegative() {
        var g = PromptGrid(family: .flux)
        g.who = .init("fox")
        g.negative = "blurry"
        XCTAssertEqual(g.render(), RenderedPrompt(prompt: "A fox.", negative: nil))
    }

    func testNaturalStaysWithinTheWordLimit() {
        var g = PromptGrid(family: .natural)
        g.who = .init("fox", "red fur")
        g.location = .init("forest")
        g.style = .init("by Studio Ghibli")
        g.extraTags = (1...30).map { "tag\($0)" }
        let full = g.render(in: .flux).prompt
        XCTAssertGreaterThan(NaturalDialect.wordCount(full), 30)
        let limited = NaturalDialect(wordLimit: 20).render(g)
        XCTAssertEqual(limited.prompt, "A fox, red fur, in a forest. In the style of Studio Ghibli.")
        XCTAssertEqual(limited.notes, ["left out the details sentence to stay within 20 words"])
    }

    func testArticlesAndLocatives() {
        var g = PromptGrid(family: .flux)
        g.who = .init("two cats")
        g.doing = .init("sleep")
        g.location = .init("on a windowsill")
        g.wearing = .init("scarves", "red")
        XCTAssertEqual(g.render().prompt, "Two cats who sleep on a windowsill. The two cats wear scarves, red.")
        g.who = .init("Marilyn Monroe")
        g.what = .init("oil painting")
        XCTAssertEqual(g.render().prompt, "An oil painting of Marilyn Monroe who sleep on a windowsill. Marilyn Monroe wears scarves, red.")
    }

    func testFamilyNames() throws {
        XCTAssertEqual(try ModelFamily.named("SD1.5"), .sd15)
        XCTAssertEqual(try ModelFamily.named("mj"), .midjourney)
        XCTAssertThrowsError(try ModelFamily.named("dalle")) {
            XCTAssertEqual("\($0)", "unknown dialect 'dalle'; valid: sd15, sdxl, pony, flux, midjourney, natural")
        }
    }
}
