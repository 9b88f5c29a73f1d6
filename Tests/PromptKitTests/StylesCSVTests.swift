import XCTest
import TestSupport
@testable import PromptKit

final class StylesCSVTests: XCTestCase {
    /// A1111 `modules/styles.py` `extract_style_text_from_prompt` docstring examples, read
    /// backwards: extracting "masterpiece" from "1girl, art by greg, masterpiece" gives
    /// "1girl, art by greg", so merging gives that prompt back; likewise with `{prompt}`.
    func testMergePromptsA1111Examples() {
        XCTAssertEqual(PromptStyle.merge(style: "masterpiece", into: "1girl, art by greg"), "1girl, art by greg, masterpiece")
        XCTAssertEqual(PromptStyle.merge(style: "masterpiece, {prompt}", into: "1girl, art by greg"), "masterpiece, 1girl, art by greg")
        // `merge_prompts` strips both sides and drops an empty one; every {prompt} is replaced.
        XCTAssertEqual(PromptStyle.merge(style: "  masterpiece ", into: " cat "), "cat, masterpiece")
        XCTAssertEqual(PromptStyle.merge(style: "masterpiece", into: ""), "masterpiece")
        XCTAssertEqual(PromptStyle.merge(style: "", into: "cat"), "cat")
        XCTAssertEqual(PromptStyle.merge(style: "{prompt} and {prompt}", into: "cat"), "cat and cat")
    }

    /// RFC 4180 and Python's csv: quoted commas, doubled quotes, newlines in quotes, CRLF,
    /// a UTF-8 BOM, `skipinitialspace`, comment rows and the old `name,text` header.
    func testParse() throws {
        let csv = "\u{FEFF}name,prompt,negative_prompt\r\n" +
            "Cinematic,\"cinematic still of {prompt}, film grain\",\"blurry, \"\"cartoon\"\"\"\r\n" +
            "# Comment,ignored,\r\n" +
            "Multi, \"line one\nline two\",\r\n" +
            ",no name,\r\n" +
            "Short,just prompt\r\n"
        let styles = try StylesCSV.parse(Data(csv.utf8), path: "styles.csv")
        XCTAssertEqual(styles, [
            PromptStyle(name: "Cinematic", prompt: "cinematic still of {prompt}, film grain", negativePrompt: "blurry, \"cartoon\""),
            PromptStyle(name: "Multi", prompt: "line one\nline two", negativePrompt: ""),
            PromptStyle(name: "Short", prompt: "just prompt", negativePrompt: ""),
        ])
        let old = try StylesCSV.parse(Data("name,text\nOld,old style\n".utf8), path: "old.csv")
        XCTAssertEqual(old, [PromptStyle(name: "Old", prompt: "old style")])
    }

    func testParseErrorsNameTheFileAndLine() {
        XCTAssertThrowsError(try StylesCSV.parse(Data("name,prompt\nA,\"open\nstill open".utf8), path: "s.csv")) {
            XCTAssertEqual("\($0)", "s.csv:2: quoted field is never closed")
        }
        XCTAssertThrowsError(try StylesCSV.parse(Data("title,body\n".utf8), path: "s.csv")) {
            XCTAssertEqual("\($0)", "s.csv:1: header must have 'name' and 'prompt' columns (found: title,body)")
        }
        XCTAssertThrowsError(try StylesCSV.parse(Data([0x6E, 0xC3]), path: "s.csv")) {
            XCTAssertEqual("\($0)", "s.csv:1:2: invalid UTF-8")
        }
    }

    /// Python `csv.DictWriter` with the default dialect: QUOTE_MINIMAL, `""` for a quote,
    /// CRLF; A1111 writes `utf-8-sig`, so the file starts with a BOM.
    func testFormatMatchesPythonCSVWriter() {
        let data = StylesCSV.format([
            PromptStyle(name: "A", prompt: "plain", negativePrompt: ""),
            PromptStyle(name: "B, quoted", prompt: "say \"hi\"", negativePrompt: "x\ny"),
        ])
        XCTAssertEqual(String(decoding: data, as: UTF8.self),
                       "\u{FEFF}name,prompt,negative_prompt\r\nA,plain,\r\n\"B, quoted\",\"say \"\"hi\"\"\",\"x\ny\"\r\n")
    }

    func testImportExportRoundTrip() throws {
        let root = try Fixtures.temporaryDirectory("styles")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = PresetStore(directory: root.appendingPathComponent("presets"))
        let styles = [
            PromptStyle(name: "⭐ Cinematic Photo", prompt: "cinematic still of {prompt}", negativePrompt: "cartoon"),
            PromptStyle(name: "Cinematic Photo", prompt: "second one", negativePrompt: ""),
            PromptStyle(name: "dreamcore-church", prompt: "clash with a built-in", negativePrompt: ""),
        ]
        let result = try store.importStyles(styles)
        // Names keep their spelling (issue 16); the files underneath have safe names.
        XCTAssertEqual(result.imported, ["⭐ Cinematic Photo", "Cinematic Photo"])
        XCTAssertEqual(result.skipped, ["dreamcore-church"])
        XCTAssertEqual(try store.importStyles(Array(styles.prefix(1))).skipped, ["⭐ Cinematic Photo"], "existing presets need force")
        XCTAssertEqual(store.url(for: "⭐ Cinematic Photo").lastPathComponent,
                       "Cinematic-Photo-\(PresetName.hash("⭐ Cinematic Photo")).json")

        let preset = try store.load("⭐ Cinematic Photo")
        XCTAssertEqual(preset.name, "⭐ Cinematic Photo")
        XCTAssertEqual(preset.render(in: .sd15).prompt, "cinematic still of (best quality:1.4)")

        let exported = store.exportStyles()
        XCTAssertEqual(Array(exported.suffix(2)), [styles[1], styles[0]], "style-only presets export their style unchanged, by name")
        XCTAssertEqual(exported.first, PromptStyle(name: "dreamcore-church",
                                                   prompt: BuiltinPresets.dreamcoreChurch.render().prompt,
                                                   negativePrompt: "(worst quality, low quality:1.4), watermark, signature"))
        let file = root.appendingPathComponent("out.csv")
        try StylesCSV.write(exported, to: file)
        XCTAssertEqual(try StylesCSV.read(from: file), exported)
    }

    /// Issue 16: "Cinematic {p}" became Cinematic-p and "Noir, classic" Noir-classic, which
    /// `presets show "Noir, classic"` then refused.
    func testNamesKeepTheirSpellingOverSafeFileNames() throws {
        let root = try Fixtures.temporaryDirectory("names")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = PresetStore(directory: root)
        _ = try store.importStyles([PromptStyle(name: "Cinematic {p}", prompt: "cinematic {prompt}"),
                                    PromptStyle(name: "Noir, classic", prompt: "noir"),
                                    PromptStyle(name: "Noir classic", prompt: "other")])
        XCTAssertEqual(try store.load("Noir, classic").style?.prompt, "noir")
        XCTAssertEqual(try store.load("Noir classic").style?.prompt, "other")
        XCTAssertEqual(try store.load("Cinematic {p}").name, "Cinematic {p}")
        let names = store.list().filter { $0.source == .user }.map(\.name)
        XCTAssertEqual(names, ["Cinematic {p}", "Noir classic", "Noir, classic"])
        XCTAssertEqual(PresetName.fileName(for: "plain-name"), "plain-name")    // old files keep their names
        XCTAssertNotEqual(PresetName.fileName(for: "Noir, classic"), PresetName.fileName(for: "Noir classic"))
        XCTAssertThrowsError(try PresetName.validate("a/b"))
        XCTAssertThrowsError(try PresetName.validate("  "))
    }

    /// Several styles apply one after another, as A1111's selected styles do.
    func testSeveralStylesApplyInOrder() {
        let rendered = PromptStyle.apply([PromptStyle(name: "a", prompt: "cinematic still of {prompt}", negativePrompt: "cartoon"),
                                          PromptStyle(name: "b", prompt: "film grain", negativePrompt: "blurry")],
                                         to: RenderedPrompt(prompt: "red heart", negative: "text"), family: .sd15)
        XCTAssertEqual(rendered.prompt, "cinematic still of red heart, film grain")
        XCTAssertEqual(rendered.negative, "text, cartoon, blurry")
    }

    func testSanitizedNames() {
        XCTAssertEqual(PresetName.sanitized("⭐ Cinematic Photo"), "Cinematic-Photo")
        XCTAssertEqual(PresetName.sanitized("a/b\\c"), "a-b-c")
        XCTAssertEqual(PresetName.sanitized("..."), "style")
        XCTAssertNoThrow(try PresetName.validate(PresetName.sanitized(".hidden name")))
    }
}
