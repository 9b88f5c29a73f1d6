import PromptKit
import RenderSettings
import XCTest
@testable import TUICore

/// The seed keys on the parameter pane (issue 16, "Seeds"): `c` copies the selected seed with
/// OSC 52, `p` takes the seed of the render on screen (A1111's ♻) and locks it; the variation
/// seed and strength are parameters; and wildcards expand from the render's seed. Expected
/// values follow from the keys pressed and the documented behaviour, by hand.
final class SeedKeysTests: XCTestCase {
    private func onParameters(_ field: ParameterField) -> ReducerHarness {
        var h = ReducerHarness()
        h.state.focus = .parameters
        h.state.parameter = field
        return h
    }

    func testCopySeedCopiesTheSelectedSeed() {
        var h = onParameters(.seed)
        XCTAssertEqual(h.press(.char("c")).effects, [.copyToClipboard("42", what: "the seed")])
        h.send(.clipboardCopied(characters: 2, what: "the seed"))
        XCTAssertEqual(h.state.status, .success("Copied the seed (2 characters) with OSC 52"))
        h.state.document.settings.variation.seed = 777
        h.state.parameter = .variationSeed
        XCTAssertEqual(h.press(.char("c")).effects, [.copyToClipboard("777", what: "the variation seed")])
        h.state.parameter = .cfg
        XCTAssertEqual(h.press(.char("c")).effects, [])
        XCTAssertEqual(h.state.status, .info("c works on the Seed and Var. seed rows"))
    }

    func testReuseSeedTakesTheLastRendersSeedAndLocks() throws {
        var h = onParameters(.seed)
        h.press(.char("p"))
        XCTAssertEqual(h.state.status, .warning("No finished render yet: its seed is what p takes"))
        h.state.document.seedLocked = false
        h.press(.f(5))
        let started = try XCTUnwrap(h.fireDebounce())
        h.send(.renderFinished(job: started.job, elapsed: 1))
        let used = started.settings.seed
        h.state.document.settings.seed = used &+ 5           // the user moved on
        h.press(.char("p"))
        XCTAssertEqual(h.settings.seed, used)
        XCTAssertTrue(h.state.document.seedLocked)
        XCTAssertEqual(h.state.status, .info("Seed \(used) from the last render, locked"))
    }

    func testVariationParametersAdjustAndType() {
        var h = onParameters(.variationStrength)
        h.press(.right)
        XCTAssertEqual(h.settings.variation.strength, 0.05, accuracy: 1e-12)
        h.press(.left, .left)
        XCTAssertEqual(h.settings.variation.strength, 0)                        // clamped at 0 (off)
        h.state.parameter = .variationSeed
        h.press(.right)
        XCTAssertEqual(h.settings.variation.seed, 1)
        h.press(.enter)
        h.typeKeys("31337")
        h.press(.enter)
        XCTAssertEqual(h.settings.variation.seed, 31337)
        XCTAssertEqual(ParameterFormat.value(.variationSeed, h.state.document), "31337")
    }

    /// The render starts with the wildcards expanded from its seed and the template kept; the
    /// prompt view's analysis shows the same expansion.
    func testWildcardsExpandFromTheRendersSeed() throws {
        let library = WildcardLibrary(lists: ["color": ["red"]])
        var analyzer = PromptAnalyzer()
        analyzer.wildcards = library
        var environment = WorkbenchEnvironment(debounce: 0.3, analyze: analyzer.analyze)
        environment.wildcards = library
        let reducer = WorkbenchReducer(environment: environment)
        var state = AppState(document: Document(settings: RenderSettings(seed: 42)), columns: 120, rows: 40, randomSeed: 1)
        state.document.raw = RawPrompt(prompt: "a __color__ {cat|cat}", negative: "")
        reducer.prepare(&state)
        _ = reducer.reduce(&state, .modelLoaded(name: "tiny"))
        XCTAssertEqual(state.analysis.wildcards?.prompt, "a red cat")
        _ = reducer.reduce(&state, .key(.f(5)))
        let reaction = reducer.reduce(&state, .renderDue)
        let settings = try XCTUnwrap(reaction.effects.compactMap { effect -> RenderSettings? in
            if case .startRender(_, let s) = effect { return s } else { return nil }
        }.first)
        XCTAssertEqual(settings.prompt, "a red cat")
        XCTAssertEqual(settings.promptTemplate, "a __color__ {cat|cat}")
        let lines = PromptViewLines.lines(state.analysis, width: 80).map(\.text)
        XCTAssertTrue(lines.contains { $0.hasPrefix("→ seed \(settings.seed) renders: a red cat") }, "\(lines)")
    }
}
