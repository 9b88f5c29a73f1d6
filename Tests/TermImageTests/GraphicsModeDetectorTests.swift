import TermImage
import XCTest

final class GraphicsModeDetectorTests: XCTestCase {
    private let vt340 = TerminalReplies(deviceAttributes: [63, 1, 2, 4, 6, 9, 15, 16, 22, 28])
    private let vt100 = TerminalReplies(deviceAttributes: [1, 2])

    func testExplicitPreferencesWin() {
        for (preference, mode) in [(GraphicsPreference.sixel, GraphicsMode.sixel), (.symbols, .symbols), (.none, .none)] {
            XCTAssertEqual(GraphicsModeDetector.choose(preference, replies: vt100, environment: ["TERM": "dumb"]), mode)
        }
    }

    func testAutoFollowsDA1() {
        XCTAssertEqual(GraphicsModeDetector.choose(.auto, replies: vt340, environment: ["TERM": "xterm"]), .sixel)
        // A terminal that answered without attribute 4 draws symbols, even if $TERM suggests sixel.
        XCTAssertEqual(GraphicsModeDetector.choose(.auto, replies: vt100, environment: ["TERM": "foot"]), .symbols)
    }

    func testAutoFallsBackToTheEnvironment() {
        let cases: [([String: String], GraphicsMode)] = [
            (["TERM": "mlterm"], .sixel),
            (["TERM": "foot-extra"], .sixel),
            (["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"], .sixel),
            (["TERM": "xterm"], .symbols),            // a VT340 xterm would have said so in DA1
            (["TERM": "xterm-kitty"], .symbols),
            (["TERM": "screen-256color", "TERM_PROGRAM": "tmux"], .symbols),
            (["TERM": "dumb"], .none),
            ([:], .none),
        ]
        for (environment, mode) in cases {
            XCTAssertEqual(GraphicsModeDetector.choose(.auto, replies: nil, environment: environment), mode, "\(environment)")
        }
    }

    func testDetectDoesNotProbeADumbTerminal() {
        XCTAssertEqual(GraphicsModeDetector.detect(.auto, environment: ["TERM": "dumb"]), .none)
        XCTAssertEqual(GraphicsModeDetector.detect(.symbols, environment: [:]), .symbols)
    }

    func testPreferenceAndColourParsing() {
        XCTAssertEqual(GraphicsPreference(rawValue: "sixel"), .sixel)
        XCTAssertNil(GraphicsPreference(rawValue: "kitty"))
        XCTAssertEqual(CellColorMode.preferred(environment: ["COLORTERM": "truecolor"]), .truecolor)
        XCTAssertEqual(CellColorMode.preferred(environment: ["COLORTERM": "24bit"]), .truecolor)
        XCTAssertEqual(CellColorMode.preferred(environment: ["TERM": "xterm-256color"]), .indexed256)
    }
}
