import Foundation
import XCTest
@testable import PromptKit
import RenderSettings

/// Word-list folders as Dynamic Prompts lays them out (`NAME.txt`, subfolders as `sub/NAME`),
/// and the hostile files the library must skip with one line naming them. Expectations follow
/// from the files each test writes.
final class WildcardLibraryTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("easel-wildcards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("animals"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ name: String, _ data: Data) throws {
        try data.write(to: folder.appendingPathComponent(name))
    }

    func testListsSubfoldersAndHostileFiles() throws {
        try write("color.txt", Data("# comment\nred\n\ngreen\n".utf8))
        try write("animals/cat.txt", Data("tabby\n".utf8))
        try write("binary.txt", Data([0x61, 0x00, 0x62]))
        try write("latin1.txt", Data([0x63, 0x61, 0x66, 0xE9]))                 // "café" in Latin-1
        try write("huge.txt", Data(count: WildcardLibrary.maximumFileBytes + 1))
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("easel-outside-\(UUID().uuidString).txt")
        try Data("secret\n".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("link.txt"), withDestinationURL: outside)

        let library = WildcardLibrary.load([folder, folder.appendingPathComponent("missing")])
        XCTAssertEqual(library.lines(named: "color"), ["red", "green"])
        XCTAssertEqual(library.lines(named: "animals/cat"), ["tabby"])
        XCTAssertEqual(Set(library.lists.keys), ["color", "animals/cat"])
        let notes = library.notes.joined(separator: "\n")
        XCTAssertTrue(notes.contains("binary.txt: binary (holds a NUL byte); skipped"), notes)
        XCTAssertTrue(notes.contains("latin1.txt: not UTF-8 text; skipped"), notes)
        XCTAssertTrue(notes.contains("huge.txt: over 4 MiB; skipped"), notes)
        XCTAssertTrue(notes.contains("link.txt: links outside"), notes)
        XCTAssertEqual(library.notes.count, 4)
        XCTAssertTrue(library.notes.allSatisfy { !$0.contains("\n") })
    }

    /// The first folder that has a name wins.
    func testFolderOrder() throws {
        try write("color.txt", Data("red\n".utf8))
        let second = folder.appendingPathComponent("second")
        try FileManager.default.createDirectory(at: second, withIntermediateDirectories: true)
        try Data("blue\n".utf8).write(to: second.appendingPathComponent("color.txt"))
        try Data("round\n".utf8).write(to: second.appendingPathComponent("shape.txt"))
        let library = WildcardLibrary.load([second, folder])
        XCTAssertEqual(library.lines(named: "color"), ["blue"])
        XCTAssertEqual(library.lines(named: "second/color"), ["blue"])    // also read as the second folder's subfolder
        XCTAssertEqual(library.lines(named: "shape"), ["round"])
    }

    func testDefaultFolder() {
        XCTAssertEqual(WildcardLibrary.defaultFolder(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"]).path,
                       "/data/easel/wildcards")
        XCTAssertEqual(WildcardLibrary.defaultFolder(environment: ["HOME": "/home/u"]).path, "/home/u/.local/share/easel/wildcards")
    }

    /// The settings helper: the prompt expands, the template is kept for the infotext
    /// ("Template:" after the parameter line, as sd-dynamic-prompts' `PngInfoSaver` writes it),
    /// and reading the infotext back gives both.
    func testSettingsExpansionAndInfotextTemplates() throws {
        let library = WildcardLibrary(lists: ["color": ["red"]])
        let settings = RenderSettings(prompt: "a __color__ {cat}", negativePrompt: "{blurry}", seed: 3)
        let (expanded, notes) = settings.expandingWildcards(library.expander)
        XCTAssertEqual(notes, [])
        XCTAssertEqual(expanded.prompt, "a red cat")
        XCTAssertEqual(expanded.negativePrompt, "blurry")
        XCTAssertEqual(expanded.promptTemplate, "a __color__ {cat}")
        let text = expanded.infotext
        XCTAssertTrue(text.hasSuffix("\nTemplate: a __color__ {cat}\nNegative Template: {blurry}"), text)
        let back = try Infotext.parse(text)
        XCTAssertEqual(back.prompt, "a red cat")
        XCTAssertEqual(back.negativePrompt, "blurry")
        XCTAssertEqual(back.promptTemplate, "a __color__ {cat}")
        XCTAssertEqual(back.negativeTemplate, "{blurry}")
        XCTAssertEqual(back.steps, 20)
        let unchanged = RenderSettings(prompt: "plain", seed: 3).expandingWildcards(library.expander).settings
        XCTAssertNil(unchanged.promptTemplate)
    }
}
