import PromptKit
import RenderSettings
import XCTest
@testable import TUICore

final class RenderTests: XCTestCase {
    func testDebounceStartsAJobWithTheDialectsPrompt() throws {
        var h = ReducerHarness()
        h.press(.enter)
        h.typeKeys("photo")
        let started = try XCTUnwrap(h.fireDebounce())
        XCTAssertEqual(started.job, 1)
        let rendered = h.grid.render()
        XCTAssertEqual(started.settings.prompt, rendered.prompt)
        XCTAssertEqual(started.settings.negativePrompt, rendered.negative ?? "")
        XCTAssertEqual(started.settings.seed, 42)
        XCTAssertEqual(started.settings.modelName, "tiny")
        XCTAssertNil(started.settings.modelHash)
        XCTAssertEqual(h.state.render, .running(RenderProgress(job: 1, seed: 42, totalSteps: 20)))
        XCTAssertEqual(h.state.lastJob?.settings, started.settings)
        h.send(.modelHashed("0123456789"))
        h.press(.f(5))
        XCTAssertEqual(try XCTUnwrap(h.fireDebounce()).settings.modelHash, "0123456789")
    }

    func testProgressPreviewAndFinish() throws {
        var h = ReducerHarness()
        h.press(.f(5))
        let job = try XCTUnwrap(h.fireDebounce()).job
        h.send(.renderProgress(job: job, step: 1, total: 20, elapsed: 1.5, hasPreview: true))
        h.send(.renderProgress(job: job, step: 5, total: 20, elapsed: 3.5, hasPreview: true))
        guard case .running(let progress) = h.state.render else { return XCTFail() }
        XCTAssertEqual(progress.step, 5)
        XCTAssertEqual(progress.iterationsPerSecond, 2)
        XCTAssertEqual(h.state.preview, PreviewInfo(job: job, step: 5, totalSteps: 20, isFinal: false))
        XCTAssertTrue(h.lastReaction.redraw.contains(.preview))
        h.send(.renderFinished(job: job, elapsed: 11))
        XCTAssertEqual(h.state.render, .finished(job: job, seconds: 11, seed: 42, steps: 20))
        XCTAssertEqual(h.state.preview?.isFinal, true)
    }

    func testEventsFromAReplacedJobAreIgnored() throws {
        var h = ReducerHarness()
        h.press(.f(5))
        let first = try XCTUnwrap(h.fireDebounce()).job
        h.press(.enter)
        h.typeKeys("x")                                       // cancels job 1
        XCTAssertTrue(h.effects.contains(.cancelRender))
        let second = try XCTUnwrap(h.fireDebounce()).job
        XCTAssertEqual(second, first + 1)
        let before = h.state
        h.send(.renderProgress(job: first, step: 3, total: 20, elapsed: 1, hasPreview: true))
        h.send(.renderFinished(job: first, elapsed: 2))
        h.send(.renderFailed(job: first, message: "cancelled"))
        XCTAssertEqual(h.state, before)
    }

    func testAnUnchangedDocumentIsNotRenderedAgainUnlessF5() throws {
        var h = ReducerHarness()
        h.press(.f(5))
        let job = try XCTUnwrap(h.fireDebounce()).job
        h.send(.renderFinished(job: job, elapsed: 1))
        h.press(.tab, .right, .char("n"), .left, .char("n"))  // next family and back again, keeping the settings
        XCTAssertEqual(h.state.render, .waiting)
        XCTAssertNil(h.fireDebounce())                        // back where it was: no new job
        XCTAssertEqual(h.state.render, .finished(job: job, seconds: 1, seed: 42, steps: 20))
        h.press(.f(5))
        XCTAssertNotNil(h.fireDebounce())
    }

    func testUnlockedSeedDrawsANewSeedPerRender() throws {
        var h = ReducerHarness()
        h.state.document.seedLocked = false
        h.press(.f(5))
        let a = try XCTUnwrap(h.fireDebounce())
        h.send(.renderFinished(job: a.job, elapsed: 1))
        h.press(.f(5))
        let b = try XCTUnwrap(h.fireDebounce())
        XCTAssertNotEqual(a.settings.seed, b.settings.seed)
        XCTAssertEqual(h.settings.seed, b.settings.seed)      // the seed used is shown and saved
    }

    func testStopRender() throws {
        var h = ReducerHarness()
        h.press(.f(5))
        _ = try XCTUnwrap(h.fireDebounce())
        XCTAssertEqual(h.press(.ctrl("x")).effects, [.cancelRender])
        XCTAssertEqual(h.state.render, .idle)
        XCTAssertEqual(h.press(.ctrl("x")).effects, [])
    }

    func testMissingModelKeepsPromptToolsWorking() {
        var h = ReducerHarness(modelReady: false)
        h.send(.modelLoading(name: "tiny"))
        h.send(.modelFailed(name: "tiny", message: "/m/tiny.safetensors: no such file"))
        XCTAssertEqual(h.state.render, .unavailable(message: "/m/tiny.safetensors: no such file"))
        XCTAssertEqual(h.state.status, .error("/m/tiny.safetensors: no such file"))
        h.press(.enter)
        h.typeKeys("photo")
        XCTAssertTrue(h.state.analysis.rendered.prompt.contains("photo"))
        XCTAssertFalse(h.effects.contains { if case .scheduleRender = $0 { return true } else { return false } })
        XCTAssertNil(h.fireDebounce())
        // A model that loads later starts the render at once.
        let reaction = h.send(.modelLoaded(name: "other"))
        XCTAssertEqual(reaction.effects, [.scheduleRender(delay: 0)])
        XCTAssertNotNil(h.fireDebounce())
    }

    func testNoModelAtAllNeverSchedules() {
        var h = ReducerHarness(modelReady: false)
        h.press(.enter)
        h.typeKeys("a")
        XCTAssertEqual(h.state.render, .idle)
        XCTAssertEqual(h.effects, [])
    }

    func testRenderFailureIsShown() throws {
        var h = ReducerHarness()
        h.press(.f(5))
        let job = try XCTUnwrap(h.fireDebounce()).job
        h.send(.renderFailed(job: job, message: "out of memory"))
        XCTAssertEqual(h.state.render, .failed(job: job, message: "out of memory"))
        XCTAssertEqual(h.state.status, .error("Render failed: out of memory"))
    }
}
