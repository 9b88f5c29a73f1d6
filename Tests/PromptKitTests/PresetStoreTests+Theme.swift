import XCTest
import TestSupport
import RenderSettings
@testable import PromptKit

/// The optional `theme` key of the preset file (README, "Presets": the workbench theme to switch
/// to when the preset is loaded).
extension PresetStoreTests {
    func testThemeIsSavedAndLoaded() throws {
        let preset = Preset(name: "bright", grid: BuiltinPresets.dreamcoreChurch.grid, theme: "light")
        try store.save(preset)
        let text = try String(contentsOf: store.url(for: "bright"), encoding: .utf8)
        XCTAssertTrue(text.contains("\"theme\" : \"light\""), text)
        XCTAssertEqual(try store.load("bright").theme, "light")
        XCTAssertEqual(try store.load("bright"), preset)
    }

    func testNoThemeWritesNoKey() throws {
        try store.save(Preset(name: "plain", grid: PromptGrid()))
        let text = try String(contentsOf: store.url(for: "plain"), encoding: .utf8)
        XCTAssertFalse(text.contains("theme"), text)
    }

    /// A file as written before the key existed (the README's `scholar.json` example, trimmed).
    func testAFileWithoutThemeStillLoads() throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let old = #"{"description": "", "dialect": "flux", "grid": {"family": "flux", "what": "photo"}, "settings": {"steps": 30}}"#
        try Data(old.utf8).write(to: store.url(for: "old"))
        let preset = try store.load("old")
        XCTAssertNil(preset.theme)
        XCTAssertEqual(preset.settings.steps, 30)
        XCTAssertEqual(preset.grid.what.value, "photo")
    }

    func testAnEmptyOrWrongTypedThemeNamesTheFileAndKey() throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = store.url(for: "bad")
        try Data(#"{"theme": ""}"#.utf8).write(to: file)
        XCTAssertThrowsError(try store.load("bad")) {
            XCTAssertTrue("\($0)".hasPrefix(file.path), "\($0)")
            XCTAssertTrue("\($0)".contains("theme"), "\($0)")
        }
        try Data(#"{"theme": 3}"#.utf8).write(to: file)
        XCTAssertThrowsError(try store.load("bad")) {
            XCTAssertTrue("\($0)".hasPrefix(file.path), "\($0)")
            XCTAssertTrue("\($0)".contains("theme"), "\($0)")
        }
    }
}
