import PromptKit
import XCTest
@testable import TUICore

/// Issue 16, problem 1: typing before pressing Enter ran commands (`red heart` gave `d heart`,
/// `sky` saved an image, `photo` opened the presets, `dress` switched the family).
final class TypingWithoutTrapsTests: XCTestCase {
    func testWordsTypedOnTheGridAreText() {
        for word in ["photo", "red heart", "sky", "dress", "quit?", "upload"] {
            var h = ReducerHarness()
            h.typeKeys(word)
            XCTAssertEqual(h.grid.what.value, word)
            XCTAssertTrue(h.state.overlays.isEmpty, word)
            XCTAssertFalse(h.state.quitRequested, word)
            XCTAssertEqual(h.state.document.family, .sd15, word)
            XCTAssertFalse(h.effects.contains { if case .saveImage = $0 { return true } else { return false } }, word)
        }
    }

    func testTypingAppendsToAFilledRowAndBackspaceDeletes() {
        var h = ReducerHarness()
        h.typeKeys("red")
        h.press(.escape)
        h.typeKeys(" heart")
        XCTAssertEqual(h.grid.what.value, "red heart")
        h.press(.escape, .backspace)
        XCTAssertEqual(h.grid.what.value, "red hear")
    }

    func testCommandsAreOnKeysThatCannotBeTextAndWorkWhileTyping() {
        var h = ReducerHarness()
        h.typeKeys("photo")
        h.press(.ctrl("p"))                                    // presets, while the field is edited
        XCTAssertNil(h.state.editor)
        XCTAssertEqual(h.state.topOverlay, .presets(PresetBrowser()))
        h.press(.escape, .f(4))
        XCTAssertEqual(h.state.document.family, .sdxl)
        XCTAssertEqual(h.grid.what.value, "photo")
    }

    func testVimKeysAreAModeOfTheirOwn() {
        var h = ReducerHarness()
        h.press(.f(9))
        XCTAssertEqual(h.state.keyStyle, .vim)
        h.press(.char("j"), .char("i"))
        XCTAssertEqual(h.state.gridCursor.line, .row(.who))
        h.typeKeys("model")
        h.press(.escape)
        XCTAssertEqual(h.grid.who.value, "model")
        h.press(.char("q"))
        XCTAssertTrue(h.state.quitRequested)
    }

    func testDigitsOnANumberParameterReplaceItsValue() {
        var h = ReducerHarness()
        h.press(.tab)
        h.state.parameter = .steps
        h.typeKeys("50")
        h.press(.enter)
        XCTAssertEqual(h.settings.steps, 50)
        // Enter then typing replaces the pre-filled value (issue 16, problem 9).
        h.press(.enter)
        guard case .textEntry(let entry) = h.state.topOverlay else { return XCTFail() }
        XCTAssertEqual(entry.field.text, "50")
        XCTAssertTrue(entry.prefilled)
        h.typeKeys("28")
        h.press(.enter)
        XCTAssertEqual(h.settings.steps, 28)
        // A cursor key keeps the value for editing.
        h.press(.enter, .end)
        h.typeKeys("0")
        h.press(.enter)
        XCTAssertEqual(h.settings.steps, 28)                   // 280 is outside 1–150: refused
    }

    func testRowWeightsStepLikeA1111() {
        var h = ReducerHarness()
        h.typeKeys("heart")
        h.press(Key(.up, .control), Key(.up, .control))
        XCTAssertEqual(h.grid.what.weight, 1.2)
        XCTAssertEqual(h.state.analysis.rendered.prompt, "(best quality:1.4), (heart:1.2)")
        h.press(.escape, Key(.down, .control), Key(.down, .control))
        XCTAssertNil(h.grid.what.weight)                       // 1 is no emphasis
        h.press(.ctrl("z"))
        XCTAssertEqual(h.grid.what.weight, 1.2)                // one undo step per run of nudges
    }

    func testPathPromptsCompleteWithTabFromTheFolderListing() {
        var h = ReducerHarness()
        XCTAssertEqual(h.press(.ctrl("o")).effects, [.listFolder("")])
        h.typeKeys("pi")
        h.send(.folderListed(FolderListing(folder: "", entries: ["notes.txt", "pictures/", "pic-1.png", "pic-2.png"])))
        h.press(.tab)
        guard case .textEntry(let entry) = h.state.topOverlay else { return XCTFail() }
        XCTAssertEqual(entry.field.text, "pic")
        h.typeKeys("t")
        XCTAssertEqual(h.press(.tab).effects, [.listFolder("pictures/")])
    }
}
