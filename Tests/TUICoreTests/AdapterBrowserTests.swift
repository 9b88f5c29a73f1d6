import EngineAPI
import PromptKit
import RenderSettings
import XCTest
@testable import TUICore

/// Issue 14: the LoRA and embedding browser (F10 / Alt-l). The files are described by hand
/// (the LocalEngine tests read the fixture files); expected tags are A1111's syntax
/// (`<lora:name:multiplier>`, `extra_networks.py`), weights stepped by 0.1 and written as the
/// workbench writes every number (`ParameterFormat.number`).
final class AdapterBrowserTests: XCTestCase {
    let lora = AdapterFile(kind: .lora, name: "tinylora-ldm", alias: "tiny_detail_v1", family: .sd1, format: "LoRA",
                           triggers: ["tinydetail", "1girl", "solo"], bytes: 29612, path: "/l/tinylora-ldm.safetensors")
    let sdxl = AdapterFile(kind: .lora, name: "sdxl-only", family: .sdxl, format: "LoRA", bytes: 76520, path: "/l/sdxl-only.safetensors")
    let negative = AdapterFile(kind: .embedding, name: "easynegative", family: nil, format: "embedding", bytes: 848, vectors: 3,
                               path: "/e/easynegative.safetensors")

    func harness() -> ReducerHarness {
        var h = ReducerHarness()
        h.send(.adaptersListed([lora, sdxl, negative]))
        return h
    }

    func testF10AndAltLOpenTheBrowserAndAskForTheList() {
        var h = harness()
        h.press(.f(10))
        XCTAssertEqual(h.state.topOverlay, .adapters(AdapterBrowser()))
        XCTAssertTrue(h.lastReaction.effects.contains(.listAdapters))
        h.press(.escape)
        XCTAssertNil(h.state.topOverlay)
        h.press(.alt("l"))
        XCTAssertEqual(h.state.topOverlay, .adapters(AdapterBrowser()))
        h.press(.alt("l"))   // the same key closes it
        XCTAssertNil(h.state.topOverlay)
    }

    func testEnterInsertsTheTagIntoTheExtraTagsOnceAndRenders() {
        var h = harness()
        h.press(.f(10), .enter)
        XCTAssertEqual(h.grid.extraTags, ["<lora:tinylora-ldm:1>"])
        XCTAssertTrue(h.state.analysis.rendered.prompt.hasSuffix("<lora:tinylora-ldm:1>"))
        XCTAssertTrue(h.lastReaction.effects.contains(.scheduleRender(delay: 0.3)))
        h.press(.enter)   // already there: no second tag
        XCTAssertEqual(h.grid.extraTags, ["<lora:tinylora-ldm:1>"])
        XCTAssertEqual(h.state.status, .info("tinylora-ldm is in the prompt already; ←/→ change its weight"))
    }

    func testArrowsReweightTheTagWithoutLoadingAModel() {
        var h = harness()
        h.press(.f(10), .enter, .left, .left)
        XCTAssertEqual(h.grid.extraTags, ["<lora:tinylora-ldm:0.8>"])
        h.press(.right, .right, .right)
        XCTAssertEqual(h.grid.extraTags, ["<lora:tinylora-ldm:1.1>"])
        XCTAssertFalse(h.effects.contains { if case .loadModel = $0 { return true } else { return false } })
        // The render that follows carries the new weight.
        h.press(.escape)
        XCTAssertEqual(h.fireDebounce()?.settings.prompt.hasSuffix("<lora:tinylora-ldm:1.1>"), true)
        // Undo steps back over the weight changes as one step.
        h.press(.ctrl("z"))
        XCTAssertEqual(h.grid.extraTags, ["<lora:tinylora-ldm:1>"])
    }

    func testAReweightKeepsTheUNetMultiplierAndTheNamedForm() {
        XCTAssertEqual(LoraTagText.setting(0.5, in: "<lora:a:0.8:0.3>"), "<lora:a:0.5:0.3>")
        XCTAssertEqual(LoraTagText.setting(0.5, in: "<lora:a:te=0.8:unet=0.3>"), "<lora:a:te=0.5:unet=0.3>")
        XCTAssertEqual(LoraTagText.setting(0.5, in: "<lora:a>"), "<lora:a:0.5>")
        XCTAssertEqual(LoraTagText.weight(of: "<lora:a>"), 1)
        XCTAssertNil(LoraTagText.weight(of: "<hypernet:a:1>"))
        XCTAssertEqual(LoraTagText.stepped(0.30000000000000004, up: true), 0.4)
    }

    func testAnAliasFindsTheTagAndDeleteRemovesIt() {
        var h = harness()
        h.state.document.grid.extraTags = ["film grain", "<lora:tiny_detail_v1:0.7>"]
        h.press(.f(10), .right)
        XCTAssertEqual(h.grid.extraTags, ["film grain", "<lora:tiny_detail_v1:0.8>"])
        h.press(.delete)
        XCTAssertEqual(h.grid.extraTags, ["film grain"])
    }

    func testAnotherFamilysLoRAIsMarkedInTheBrowserAndTheLint() {
        var h = harness()
        XCTAssertEqual(sdxl.fitProblem(for: .sd15), "made for SDXL, not Stable Diffusion 1.5")
        XCTAssertNil(sdxl.fitProblem(for: .pony))
        XCTAssertNil(lora.fitProblem(for: .sd15))
        XCTAssertNil(negative.fitProblem(for: .sd15))   // nothing says
        h.press(.f(10), .down, .enter)
        XCTAssertEqual(h.grid.extraTags, ["<lora:sdxl-only:1>"])
        XCTAssertEqual(h.state.status, .warning("Added <lora:sdxl-only:1> to the extra tags; made for SDXL, not Stable Diffusion 1.5"))
        XCTAssertTrue(h.state.analysis.warnings.contains("lora 'sdxl-only' is made for SDXL, not Stable Diffusion 1.5; the render goes on without it"))
    }

    func testAnEmbeddingGoesIntoTheExtraTagsOrTheNegative() {
        var h = harness()
        h.press(.f(10), .end, .char("n"))
        XCTAssertEqual(h.grid.negative.hasSuffix("easynegative"), true)
        XCTAssertEqual(negative.tag(in: h.state.document), "easynegative")
        h.press(.delete)
        XCTAssertFalse(h.grid.negative.contains("easynegative"))
        h.press(.enter)
        XCTAssertEqual(h.grid.extraTags, ["easynegative"])
    }

    func testCtrlUpOnALoRATagBeingEditedChangesThatTagsWeight() {
        var h = harness()
        h.state.document.grid.extraTags = ["film grain", "<lora:tinylora-ldm:1>"]
        h.state.gridCursor = GridCell(.extraTags)
        h.press(.enter)                         // edit, cursor at the end (just after the tag)
        h.press(Key(.down, .control))
        XCTAssertEqual(h.grid.extraTags, ["film grain", "<lora:tinylora-ldm:0.9>"])
        XCTAssertEqual(h.state.editor?.text, "film grain, <lora:tinylora-ldm:0.9>")
        h.press(.home)                          // on "film grain": not a tag, so the row's weight rule applies
        h.press(Key(.up, .control))
        XCTAssertEqual(h.grid.extraTags, ["film grain", "<lora:tinylora-ldm:0.9>"])
    }

    func testTheCursorFindsTheTagItIsOn() {
        let text = Array("a, <lora:x:1>, b")
        XCTAssertEqual(LoraTagText.tagRange(at: 5, in: text), 3..<13)
        XCTAssertEqual(LoraTagText.tagRange(at: 13, in: text), 3..<13)   // just after '>'
        XCTAssertNil(LoraTagText.tagRange(at: 15, in: text))
        XCTAssertNil(LoraTagText.tagRange(at: 0, in: text))
        XCTAssertEqual(LoraTagText.tags(in: "<x> a <lora:b:1> <lyco:c> <hypernet:d:1>"), ["<lora:b:1>", "<lyco:c>"])
        XCTAssertEqual(LoraTagText.removing("<lora:b:1>", from: "a, <lora:b:1>, c"), "a, c")
    }

    func testEngineNotesShowWithTheLintUntilTheNextRender() {
        var h = harness()
        h.send(.engineNote("lora 'tinylora-ldm': 3 of 54 modules match no layer of this model (first: x); applied the rest"))
        XCTAssertTrue(h.state.analysis.warnings.contains("engine: lora 'tinylora-ldm': 3 of 54 modules match no layer of this model (first: x); applied the rest"))
        h.state.render = .waiting
        _ = h.fireDebounce()
        XCTAssertFalse(h.state.analysis.warnings.contains { $0.hasPrefix("engine:") })
    }

    func testAPNGsLoRAFromTheLibraryIsNotCalledNotApplied() throws {
        var h = harness()
        let settings = try Infotext.parse("""
            a lighthouse <lora:tinylora-ldm:0.8> <lora:nosuch:1>
            Steps: 6, Sampler: Euler, CFG scale: 7, Seed: 1, Size: 64x64
            """)
        h.send(.imageOpened(path: "/x/a.png", settings: settings))
        let text = h.state.status?.text ?? ""
        XCTAssertEqual(h.state.status?.kind, .warning)
        XCTAssertTrue(text.contains("not applied: LoRA nosuch,"), text)   // (then the PNG's GPU noise)
        XCTAssertFalse(text.contains("tinylora-ldm"), text)
    }
}
