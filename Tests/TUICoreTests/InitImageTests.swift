import RenderSettings
import XCTest
@testable import TUICore

/// Picking an init image (a file prompt with Tab completion), its strength slider, refining a
/// result in place and dropping the init image — all as reducer actions and effects.
final class InitImageTests: XCTestCase {
    func testPickTypeAndConfirmAsksToLoadThePath() {
        var h = ReducerHarness()
        h.press(.f(7))
        guard case .textEntry(let entry)? = h.state.topOverlay else { return XCTFail("no prompt") }
        XCTAssertEqual(entry.purpose, .initImage)
        h.typeKeys("/tmp/cat.png")
        h.press(.enter)
        XCTAssertEqual(h.effects.last, .loadInitImage(path: "/tmp/cat.png"))
        XCTAssertNil(h.state.topOverlay)
    }

    func testTabCompletesTheCommonPrefixAndListsTheChoices() {
        let listing = FolderListing(folder: "/pics/", entries: ["cat-1.png", "cat-2.png", "dog.png", ".hidden.png", "old/"])
        let reducer = WorkbenchReducer(environment: WorkbenchEnvironment())
        var state = AppState(document: Document(), columns: 120, rows: 40, randomSeed: 1)
        _ = reducer.reduce(&state, .command(.pickInitImage))
        for c in "/pics/c" { _ = reducer.reduce(&state, .key(.char(c))) }
        _ = reducer.reduce(&state, .folderListed(listing))
        _ = reducer.reduce(&state, .key(.tab))
        guard case .textEntry(let entry)? = state.topOverlay else { return XCTFail("no prompt") }
        XCTAssertEqual(entry.field.text, "/pics/cat-")
        XCTAssertEqual(PathCompletion.matches(entry.field.text, in: listing, fileTypes: entry.fileTypes), ["cat-1.png", "cat-2.png"])
        let png = [".png"]
        XCTAssertEqual(PathCompletion.complete("/pics/d", candidates: PathCompletion.matches("/pics/d", in: listing, fileTypes: png)), "/pics/dog.png")
        XCTAssertEqual(PathCompletion.complete("/pics/o", candidates: PathCompletion.matches("/pics/o", in: listing, fileTypes: png)), "/pics/old/")
    }

    func testLoadedInitImageSetsStrengthRendersAndSlides() {
        var h = ReducerHarness()
        h.send(.initImageLoaded(path: "/tmp/cat.png", width: 512, height: 512))
        XCTAssertEqual(h.state.document.initImagePath, "/tmp/cat.png")
        XCTAssertEqual(h.settings.denoisingStrength, 0.75)
        XCTAssertEqual(h.state.parameter, .strength)
        XCTAssertEqual(ParameterFormat.value(.strength, h.state.document), "0.75")
        h.state.focus = .parameters
        h.press(.left)
        XCTAssertEqual(h.settings.denoisingStrength ?? 0, 0.7, accuracy: 1e-9)
        XCTAssertEqual(h.fireDebounce()?.settings.denoisingStrength ?? 0, 0.7, accuracy: 1e-9)
    }

    func testRefineUsesTheFinishedResultAndDropGoesBackToTxt2Img() {
        var h = ReducerHarness()
        h.press(.ctrl("n"))
        XCTAssertEqual(h.state.status, .warning("No finished image to refine yet"))
        h.send(.command(.renderNow))
        let job = h.fireDebounce()?.job ?? -1
        h.send(.renderFinished(job: job, elapsed: 1))
        h.press(.ctrl("n"))
        XCTAssertEqual(h.effects.last, .useResultAsInit(job: job))
        h.send(.initImageLoaded(path: "(render \(job))", width: 512, height: 512))
        XCTAssertEqual(h.state.document.initImagePath, "(render \(job))")
        h.press(Key(.function(7), .shift))
        XCTAssertNil(h.state.document.initImagePath)
        XCTAssertNil(h.settings.denoisingStrength)
        XCTAssertEqual(ParameterFormat.value(.strength, h.state.document), "off (F7: init image)")
    }
}
