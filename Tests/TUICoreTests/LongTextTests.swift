import Foundation
import PromptKit
import UntrustedText
import XCTest
@testable import TUICore

/// Issue 17, item 6, in the reducer: a paste past the prompt-text limit is cut with a message,
/// and the prompt analysis of a long document waits for a pause in typing.
final class LongTextTests: XCTestCase {
    /// Before the fix the whole paste went into the field. The limit is `PromptTextLimit`'s
    /// 32,768 bytes for the field; "é" is 2 bytes, so a cut never splits a character.
    func testAPastePastTheLimitIsCutWithAMessage() {
        var h = ReducerHarness()
        h.send(.paste(String(repeating: "é", count: 20_000)))   // 40,000 bytes
        XCTAssertEqual(h.grid.what.value.utf8.count, PromptTextLimit.maximumBytes)
        XCTAssertEqual(h.state.status, .warning("Paste cut: 7232 bytes past the 32768-byte limit for prompt text were dropped"))
        h.send(.paste("more"))
        XCTAssertEqual(h.grid.what.value.utf8.count, PromptTextLimit.maximumBytes, "a full field takes no more")
    }

    func testShortPastesAreUnchanged() {
        XCTAssertNil(WorkbenchReducer.cutPaste("red heart", existing: 100))
        let cut = WorkbenchReducer.cutPaste("abcdef", existing: PromptTextLimit.maximumBytes - 2)
        XCTAssertEqual(cut?.kept, "ab")
        XCTAssertEqual(cut?.droppedBytes, 4)
    }

    /// Over `immediateAnalysisBytes` the reducer asks for `analysisDue` instead of analysing on
    /// the key; `analysisDue` then brings the prompt view up to date.
    func testALongDocumentIsAnalysedAfterThePause() {
        var h = ReducerHarness()
        h.send(.paste(String(repeating: "a", count: WorkbenchReducer.immediateAnalysisBytes + 10)))
        XCTAssertTrue(h.lastReaction.effects.contains(.scheduleAnalysis(delay: WorkbenchReducer.analysisDelay)))
        XCTAssertFalse(h.state.analysis.rendered.prompt.contains("aaaa"), "not analysed on the key")
        h.send(.analysisDue)
        XCTAssertTrue(h.state.analysis.rendered.prompt.contains("aaaa"))
        XCTAssertTrue(h.lastReaction.redraw.contains(.prompt))
    }

    func testAShortDocumentIsAnalysedAtOnce() {
        var h = ReducerHarness()
        h.send(.paste("red"))
        XCTAssertTrue(h.state.analysis.rendered.prompt.contains("red"))
        XCTAssertFalse(h.effects.contains { if case .scheduleAnalysis = $0 { return true } else { return false } })
    }
}
