import XCTest
import TestSupport
import RenderSettings
@testable import PromptKit

final class PresetStoreTests: XCTestCase {
    var dir: URL!
    var store: PresetStore!

    override func setUpWithError() throws {
        dir = try Fixtures.temporaryDirectory("presets").appendingPathComponent("easel/presets")
        store = PresetStore(directory: dir)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir.deletingLastPathComponent().deletingLastPathComponent())
    }

    func testDefaultDirectoryFollowsXDG() {
        XCTAssertEqual(PresetStore.defaultDirectory(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/h"]).path, "/x/cfg/easel/presets")
        XCTAssertEqual(PresetStore.defaultDirectory(environment: ["XDG_CONFIG_HOME": "", "HOME": "/h"]).path, "/h/.config/easel/presets")
        XCTAssertEqual(PresetStore.defaultDirectory(environment: ["HOME": "/h"]).path, "/h/.config/easel/presets")
    }

    func testSaveLoadAndTheFileIsReadableJSON() throws {
        var settings = ModelFamily.flux.profile.defaultSettings()
        settings.seed = 99
        let preset = Preset(name: "my-scholar", description: "test", grid: BuiltinPresets.fluxScholar.grid,
                            settings: settings, modelPath: "/models/flux.safetensors")
        try store.save(preset)
        XCTAssertEqual(try store.load("my-scholar"), preset)
        let text = try String(contentsOf: store.url(for: "my-scholar"), encoding: .utf8)
        XCTAssertTrue(text.contains("\"dialect\" : \"flux\""), text)
        XCTAssertTrue(text.contains("\"modelPath\" : \"/models/flux.safetensors\""), text)
        XCTAssertFalse(text.contains("\"prompt\""), "prompts come from the grid, not the settings")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        XCTAssertEqual(leftovers, ["my-scholar.json"], "no temporary file is left behind")
    }

    func testRenderSettingsFillThePromptFromTheGrid() throws {
        let s = BuiltinPresets.dreamcoreChurch.renderSettings()
        XCTAssertEqual(s.prompt, BuiltinPresets.dreamcoreChurch.grid.render().prompt)
        XCTAssertEqual(s.negativePrompt, "(worst quality, low quality:1.4), watermark, signature")
        XCTAssertEqual(s.steps, 60)
        XCTAssertEqual(s.sampler, .eulerA)
        XCTAssertEqual(s.clipSkip, 1)
        XCTAssertEqual(BuiltinPresets.animeWaterfall.settings.clipSkip, 2, "anime: clip skip 2")
        XCTAssertEqual(BuiltinPresets.ponyHornedCharacter.settings.steps, 40)
        XCTAssertEqual(BuiltinPresets.fluxScholar.settings.cfgScale, 3.5)
    }

    func testOverwriteNeedsForce() throws {
        let preset = Preset(name: "p", grid: PromptGrid())
        try store.save(preset)
        XCTAssertThrowsError(try store.save(preset)) {
            XCTAssertEqual("\($0)", "preset 'p' already exists; use --force to overwrite it")
        }
        var changed = preset
        changed.description = "new"
        try store.save(changed, force: true)
        XCTAssertEqual(try store.load("p").description, "new")
    }

    func testBuiltInsAreReadOnly() {
        XCTAssertThrowsError(try store.save(Preset(name: "dreamcore-church", grid: PromptGrid()), force: true)) {
            XCTAssertEqual("\($0)", "preset 'dreamcore-church' is built in and read-only")
        }
        XCTAssertThrowsError(try store.delete("flux-scholar")) {
            XCTAssertEqual("\($0)", "preset 'flux-scholar' is built in and read-only")
        }
    }

    func testDeleteAndUnknown() throws {
        try store.save(Preset(name: "gone", grid: PromptGrid()))
        try store.delete("gone")
        XCTAssertThrowsError(try store.load("gone")) { XCTAssertEqual("\($0)", "unknown preset 'gone' (see `easel presets list`)") }
        XCTAssertThrowsError(try store.delete("gone"))
        XCTAssertThrowsError(try store.load("../etc/passwd")) { XCTAssertTrue("\($0)".hasPrefix("bad preset name")) }
    }

    func testABrokenFileIsListedWithItsErrorAndTheOthersStillLoad() throws {
        try store.save(Preset(name: "good", grid: PromptGrid()))
        try Data("{\n  \"dialect\": \"sd15\",\n  \"grid\": {\n    \"who\": \"cat\"\n  \n".utf8)
            .write(to: dir.appendingPathComponent("broken.json"))
        let listing = store.list()
        XCTAssertEqual(listing.map(\.name), BuiltinPresets.all.map(\.name) + ["broken", "good"])
        guard case .failure(let error) = listing.first(where: { $0.name == "broken" })!.preset else {
            return XCTFail("broken.json should not load")
        }
        XCTAssertTrue("\(error)".hasPrefix("\(dir.appendingPathComponent("broken.json").path):"), "\(error)")
        XCTAssertTrue("\(error)".contains("invalid JSON"), "\(error)")
        XCTAssertNoThrow(try store.load("good"))
    }

    func testSettingsOutOfRangeNameTheFile() throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("zero.json")
        try Data(#"{"settings": {"steps": 0}}"#.utf8).write(to: file)
        XCTAssertThrowsError(try store.load("zero")) {
            XCTAssertEqual("\($0)", "\(file.path): settings: steps: must be at least 1, got 0")
        }
        XCTAssertThrowsError(try store.save(Preset(name: "wide", grid: PromptGrid(), settings: RenderSettings(width: 4000))))
    }

    func testPresetStyleIsAppliedWithA1111MergeRule() {
        var preset = Preset(name: "s", grid: PromptGrid(family: .sdxl))
        preset.grid.who = .init("cat")
        preset.style = PromptStyle(name: "Frame", prompt: "polaroid photo of {prompt}, white border", negativePrompt: "blurry")
        XCTAssertEqual(preset.render(), RenderedPrompt(
            prompt: "polaroid photo of cat, masterpiece, best quality, 8k, ultra-detailed, white border", negative: "blurry"))
        XCTAssertEqual(preset.render(in: .flux).negative, nil, "FLUX drops the style's negative")
    }
}
