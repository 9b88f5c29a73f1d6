import Foundation
import Imaging
import TestSupport
import XCTest

/// `easel generate --lora-dir DIR --embeddings-dir DIR` on the adapter fixtures: a fixture run
/// with a LoRA tag and an embedding-free negative matches its PNG, and an unknown LoRA name is
/// a one-line warning while the image is still written.
final class GenerateLoraCLITests: XCTestCase {
    let adapters = Fixtures.url("tiny-sd15-adapters")

    func testLoraRunMatchesAndUnknownNameWarns() throws {
        let output = try Fixtures.temporaryDirectory("easel-lora-cli").appendingPathComponent("out.png")
        let result = try EaselProcess.run([
            "generate", "--model", Fixtures.url("tiny-sd15.safetensors").path,
            "--prompt", "a photo of a cat <lora:tinylora-ldm:0.8> <lora:not-a-lora:1>", "--negative", "",
            "--sampler", "euler", "--schedule", "normal", "--steps", "8", "--cfg", "7", "--seed", "42",
            "--width", "64", "--height", "64", "--lora-dir", adapters.appendingPathComponent("loras").path,
            "--embeddings-dir", adapters.appendingPathComponent("embeddings").path, "-o", output.path,
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let warnings = result.stderr.split(separator: "\n").filter { $0.hasPrefix("easel: warning:") }
        XCTAssertEqual(warnings, ["easel: warning: lora 'not-a-lora' was not found in \(adapters.path)/loras; rendering without it"])
        let mine = try PNGFile.read(from: output).image
        let reference = try PNGFile.read(from: adapters.appendingPathComponent("runs/euler-normal-s42-tinyloraldm.png")).image
        let diff = PixelDifference(mine.pixels, reference.pixels)
        XCTAssertLessThanOrEqual(diff.max, 2)
        XCTAssertLessThanOrEqual(diff.mean, 0.5)
    }

    func testMissingFolderIsAOneLineError() throws {
        let result = try EaselProcess.run(["generate", "--prompt", "x", "--lora-dir", "/no/such/folder", "-o", "/tmp/easel-x.png"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "easel: --lora-dir /no/such/folder: no such folder\n")
    }

    /// The PNG records `Lora hashes` and `TI hashes` (A1111's short hashes, see
    /// `AdapterHashesTests`), and `--from` that PNG against a folder holding the LoRA under
    /// another name finds it by its hash and renders the same image.
    func testHashesAreWrittenAndAPNGFindsItsLoRAByHash() throws {
        let folder = try Fixtures.temporaryDirectory("easel-lora-hash")
        let first = folder.appendingPathComponent("first.png"), second = folder.appendingPathComponent("second.png")
        let run = try EaselProcess.run([
            "generate", "--model", Fixtures.url("tiny-sd15.safetensors").path,
            "--prompt", "a photo of a cat <lora:tinylora-diffusers:0.5:1.2>", "--negative", "easynegative",
            "--sampler", "euler", "--steps", "3", "--seed", "7", "--width", "64", "--height", "64",
            "--lora-dir", adapters.appendingPathComponent("loras").path,
            "--embeddings-dir", adapters.appendingPathComponent("embeddings").path, "-o", first.path,
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = try PNGFile.readText(from: first)["parameters"] ?? ""
        XCTAssertTrue(text.contains(#"Lora hashes: "tinylora-diffusers: 31cad92c4370""#), text)
        XCTAssertTrue(text.contains(#"TI hashes: "easynegative: 889c2525e986""#), text)

        let renamed = folder.appendingPathComponent("loras")
        try FileManager.default.createDirectory(at: renamed, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: adapters.appendingPathComponent("loras/tinylora-diffusers.safetensors"),
                                         to: renamed.appendingPathComponent("my-copy.safetensors"))
        let again = try EaselProcess.run([
            "generate", "--model", Fixtures.url("tiny-sd15.safetensors").path, "--from", first.path,
            "--lora-dir", renamed.path, "--embeddings-dir", adapters.appendingPathComponent("embeddings").path, "-o", second.path,
        ])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("easel: lora 'tinylora-diffusers' found by its hash 31cad92c4370 as 'my-copy'"), again.stderr)
        XCTAssertFalse(again.stderr.contains("warning"), again.stderr)
        XCTAssertEqual(try PNGFile.read(from: second).image.pixels, try PNGFile.read(from: first).image.pixels)
    }

    /// With no --lora-dir, the settings file's folders (`$XDG_CONFIG_HOME/easel/config.json`,
    /// here an A1111 install layout linking the fixture folders) serve the tags; the run
    /// matches the fixture's PNG. A bad settings file is one line.
    func testLibraryFoldersFromTheSettingsFile() throws {
        let root = try Fixtures.temporaryDirectory("easel-library-cli")
        let install = root.appendingPathComponent("webui")
        try FileManager.default.createDirectory(at: install.appendingPathComponent("models/Stable-diffusion"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: install.appendingPathComponent("models/Lora"), withDestinationURL: adapters.appendingPathComponent("loras"))
        try FileManager.default.createSymbolicLink(at: install.appendingPathComponent("embeddings"), withDestinationURL: adapters.appendingPathComponent("embeddings"))
        let config = root.appendingPathComponent("config/easel")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try Data(#"{"installs": ["\#(install.path)"]}"#.utf8).write(to: config.appendingPathComponent("config.json"))
        let environment = ["XDG_CONFIG_HOME": root.appendingPathComponent("config").path, "XDG_DATA_HOME": root.appendingPathComponent("data").path]
        let output = root.appendingPathComponent("out.png")
        let result = try EaselProcess.run([
            "generate", "--model", Fixtures.url("tiny-sd15.safetensors").path,
            "--prompt", "a photo of a cat <lora:tinylora-ldm:0.8>", "--negative", "",
            "--sampler", "euler", "--schedule", "normal", "--steps", "8", "--cfg", "7", "--seed", "42",
            "--width", "64", "--height", "64", "-o", output.path,
        ], environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("warning"), result.stderr)
        let reference = try PNGFile.read(from: adapters.appendingPathComponent("runs/euler-normal-s42-tinyloraldm.png")).image
        let diff = PixelDifference(try PNGFile.read(from: output).image.pixels, reference.pixels)
        XCTAssertLessThanOrEqual(diff.max, 2)

        try Data(#"{"loras": 3}"#.utf8).write(to: config.appendingPathComponent("config.json"))
        let bad = try EaselProcess.run(["generate", "--prompt", "x", "-o", output.path], environment: environment)
        XCTAssertEqual(bad.status, 1)
        XCTAssertEqual(bad.stderr, "easel: \(config.appendingPathComponent("config.json").path): 'loras': expected a list of folder paths\n")
    }
}
