import XCTest
import TestSupport
@testable import TUICore

final class ThemeTests: XCTestCase {
    let themes = Fixtures.repoRoot.appendingPathComponent("themes")

    func testShippedThemesParseAndDefineEveryRole() throws {
        for name in ["dark", "light", "monochrome"] {
            let url = themes.appendingPathComponent(name + ".json")
            let theme = try Theme.parse(try Data(contentsOf: url), path: url.path)
            XCTAssertEqual(theme.name, name)
            XCTAssertEqual(Set(theme.styles.keys), Set(ThemeRole.allCases), name)
        }
    }

    func testMonochromeHasNoColoursAndNoColourKeepsAttributes() throws {
        let library = ThemeLibrary(folders: [themes])
        let mono = try library.load("monochrome")
        for role in ThemeRole.allCases {
            XCTAssertEqual(mono.style(for: role).foreground, .terminalDefault)
            XCTAssertEqual(mono.style(for: role).background, .terminalDefault)
        }
        let plain = try library.load("dark").withoutColour
        XCTAssertEqual(plain.style(for: .selection).background, .terminalDefault)
        XCTAssertTrue(plain.style(for: .selection).reverse)   // selection stays visible without colour
        XCTAssertTrue(plain.style(for: .value).bold)          // its own attribute is kept
    }

    func testLibraryListsAndRejectsUnknownNames() {
        let library = ThemeLibrary(folders: [themes])
        XCTAssertEqual(library.availableNames, ["dark", "light", "monochrome"])
        XCTAssertThrowsError(try library.load("neon")) { error in
            XCTAssertTrue("\(error)".contains("no theme 'neon'"))
        }
    }

    func testBadFilesNameTheKey() {
        let cases: [(String, String)] = [
            (#"{"roles": {"txt": {}}}"#, #"unknown role "txt""#),
            (##"{"roles": {"text": {"fg": "#12345"}}}"##, "roles.text.fg"),
            (#"{"roles": {"text": {"bold": "yes"}}}"#, "roles.text.bold must be true or false"),
            (#"{"roles": {"text": {"colour": "red"}}}"#, #"unknown key "colour""#),
            (#"{"name": "x"}"#, #"missing object "roles""#),
            ("{", "not valid JSON"),
        ]
        for (json, expected) in cases {
            XCTAssertThrowsError(try Theme.parse(Data(json.utf8), path: "/t/x.json")) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error)")
                XCTAssertTrue("\(error)".hasPrefix("theme /t/x.json: "), "\(error)")
            }
        }
    }

    /// Expected indices are from the xterm 256-colour chart (xterm's 256colres.pl):
    /// 196 = #ff0000, 75 = #5fafff, 244 = #808080, 16 = #000000, 231 = #ffffff, 236 = #303030.
    func testNearestPaletteEntries() throws {
        XCTAssertEqual(try ThemeColor(parsing: "#ff0000").palette256, 196)
        XCTAssertEqual(try ThemeColor(parsing: "#5fafff").palette256, 75)
        XCTAssertEqual(try ThemeColor(parsing: "#808080").palette256, 244)
        XCTAssertEqual(try ThemeColor(parsing: "#000000").palette256, 16)
        XCTAssertEqual(try ThemeColor(parsing: "#ffffff").palette256, 231)
        XCTAssertEqual(try ThemeColor(parsing: "#303030").palette256, 236)
        XCTAssertEqual(try ThemeColor(parsing: "brightblue"), .palette(12))
        XCTAssertEqual(try ThemeColor(parsing: "default"), .terminalDefault)
        XCTAssertEqual(try ThemeColor(parsing: "#d70000").palette8(background: false), 1)   // red
        XCTAssertEqual(try ThemeColor(parsing: "#ffd75f").palette8(background: false), 3)   // yellow
        XCTAssertEqual(try ThemeColor(parsing: "#87d787").palette8(background: false), 2)   // green
        XCTAssertEqual(try ThemeColor(parsing: "#5fafff").palette8(background: false), 6)   // cyan
        XCTAssertEqual(try ThemeColor(parsing: "#585858").palette8(background: false), 7)   // grey text: white
        XCTAssertEqual(try ThemeColor(parsing: "#262626").palette8(background: true), 0)    // grey ground: black
    }

    /// On 8 colours, text on a background the theme paints must not take that background's
    /// colour: the light theme's page (#f7f7f2) becomes white, so its grey labels (#4e4e4e,
    /// #a8a8a8 borders) go black, not white (seen as blank labels in xterm with TERM=xterm).
    func testBasicColourTextStaysVisibleOnAPaintedBackground() throws {
        let page = try ThemeColor(parsing: "#f7f7f2"), dark = try ThemeColor(parsing: "#262626")
        XCTAssertEqual(page.palette8(background: true), 7)
        XCTAssertEqual(try ThemeColor(parsing: "#4e4e4e").palette8(on: page), 0)
        XCTAssertEqual(try ThemeColor(parsing: "#a8a8a8").palette8(on: page), 0)
        XCTAssertEqual(try ThemeColor(parsing: "#ffffff").palette8(on: page), 0)            // white on white
        XCTAssertEqual(try ThemeColor(parsing: "#005f87").palette8(on: page), 6)            // colours stay
        XCTAssertEqual(try ThemeColor(parsing: "#808080").palette8(on: dark), 7)            // grey on dark: white
        XCTAssertEqual(try ThemeColor(parsing: "#ffffff").palette8(on: try ThemeColor(parsing: "#005f87")), 0)
        XCTAssertEqual(try ThemeColor(parsing: "#6c6c6c").palette8(on: .terminalDefault), 7) // unknown ground: as before
        XCTAssertEqual(try ThemeColor(parsing: "#d70000").palette8(on: .terminalDefault), 1)
    }
}
