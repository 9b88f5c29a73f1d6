import XCTest
import TestSupport

/// `easel prompt render|lint` and `easel presets …`, run as the built binary with
/// `XDG_CONFIG_HOME` pointing at a fresh directory. Expected prompts are the hand-derived
/// strings of `GuideExampleSnapshotTests`.
final class PromptKitCLITests: XCTestCase {
    private var config: URL!
    private var work: URL!

    override func setUpWithError() throws {
        config = try Fixtures.temporaryDirectory("easel-config")
        work = try Fixtures.temporaryDirectory("easel-work")
        // The tokenizer finds CLIP's vocabulary in $EASEL_DATA_DIR/clip: the fixture copy.
        try FileManager.default.createDirectory(at: work.appendingPathComponent("data"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: work.appendingPathComponent("data/clip"),
                                                   withDestinationURL: Fixtures.url("clip-tokenizer"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: config)
        try? FileManager.default.removeItem(at: work)
    }

    private struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    private static var easelBinary: URL {
        Bundle.main.bundleURL.appendingPathComponent("easel")
    }

    /// Runs `easel` with `arguments`; with `shell`, `arguments` is one `sh -c` script in which
    /// `$EASEL` is the binary (to pass bytes that are not UTF-8).
    private func easel(_ arguments: [String], shell: Bool = false) throws -> Result {
        let binary = Self.easelBinary
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("easel binary not built at \(binary.path)")
        }
        let process = Process()
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = config.path
        environment["EASEL"] = binary.path
        environment["EASEL_DATA_DIR"] = work.appendingPathComponent("data").path
        process.environment = environment
        if shell {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c"] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    private func assertOneLineError(_ result: Result, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNotEqual(result.status, 0, file: file, line: line)
        XCTAssertEqual(result.stderr, "Error: \(message)\n", file: file, line: line)
        XCTAssertEqual(result.stdout, "", file: file, line: line)
    }

    private func writeFile(_ name: String, _ text: String) throws -> String {
        let url = work.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    // MARK: prompt render

    func testRenderPreset() throws {
        let r = try easel(["prompt", "render", "--preset", "dreamcore-church"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, """
        (best quality:1.4), photo, in motion, model, albino, big grey eyes, long straight white hair, dances, strangely, concrete catholic church, dress, white chiffon, many layers, twilight, deep blue, grey and black, depressive, dreamcore
        Negative prompt: (worst quality, low quality:1.4), watermark, signature

        """)
    }

    func testRenderPresetInAnotherDialect() throws {
        let r = try easel(["prompt", "render", "--preset", "dreamcore-church", "--dialect", "flux"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "A photo, in motion, of a model, albino, big grey eyes, long straight white hair, who dances strangely in a concrete catholic church. The model wears a dress, white chiffon, many layers. The light is twilight, deep blue, grey and black. The mood is depressive, dreamcore.\n")
    }

    func testRenderGridFile() throws {
        let grid = try writeFile("fox.json", #"{"family": "pony", "who": {"value": "fox", "qualifier": "red fur"}, "negative": "blurry"}"#)
        let r = try easel(["prompt", "render", "--grid", grid])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "score_9, score_8_up, score_7_up, fox, red fur\nNegative prompt: score_6, score_5, score_4, blurry\n")
        let mj = try easel(["prompt", "render", "--grid", grid, "--dialect", "midjourney"])
        XCTAssertEqual(mj.stdout, "fox, red fur. --no blurry\n")
    }

    func testRenderBadInput() throws {
        assertOneLineError(try easel(["prompt", "render", "--preset", "dreamcore-church", "--dialect", "dalle"]),
                           "unknown dialect 'dalle'; valid: sd15, sdxl, pony, flux, midjourney, natural")
        let broken = try writeFile("broken.json", "{\n  \"who\": \"cat\",\n  \"mood\": calm\n}\n")
        assertOneLineError(try easel(["prompt", "render", "--grid", broken]), "\(broken):3:11: invalid JSON: Invalid value")
        assertOneLineError(try easel(["prompt", "render", "--preset", "nope"]), "unknown preset 'nope' (see `easel presets list`)")
        assertOneLineError(try easel(["prompt", "render"]), "give exactly one of --preset NAME or --grid FILE")
        let bytes = work.appendingPathComponent("latin1.json")
        try Data([0x7B, 0x22, 0x77, 0x68, 0x6F, 0x22, 0x3A, 0x22, 0xE9, 0x22, 0x7D]).write(to: bytes)
        assertOneLineError(try easel(["prompt", "render", "--grid", bytes.path]), "\(bytes.path):1:9: invalid UTF-8")
    }

    // MARK: prompt lint

    func testLintPromptWarningsOnePerLine() throws {
        let r = try easel(["prompt", "lint", "--prompt", "masterpiece, a cat", "--dialect", "flux",
                           "--cfg", "7", "--width", "2048", "--height", "1024", "--negative", "blurry"])
        XCTAssertEqual(r.status, 0, "warnings alone do not fail")
        XCTAssertEqual(r.stdout, """
        cfg: CFG 7 is more than 2 away from flux's recommended 3.5
        size: width 2048 is above flux's maximum side of 1280 px
        negative: flux takes no negative prompt; it is ignored
        quality-tags: quality tags do nothing for flux: masterpiece

        """)
        XCTAssertEqual(try easel(["prompt", "lint", "--prompt", "a cat", "--dialect", "flux", "--cfg", "9", "--strict"]).status, 1)
    }

    func testLintPresetAndGrid() throws {
        let clean = try easel(["prompt", "lint", "--preset", "pony-horned-character"])
        XCTAssertEqual(clean.status, 0)
        XCTAssertEqual(clean.stdout, "")
        let quoted = try easel(["prompt", "lint", "--preset", "flux-scholar", "--dialect", "midjourney"])
        XCTAssertEqual(quoted.stdout, "quoted-text: Midjourney cannot draw text; quoted \"flux\" will not be lettered\n")
        let big = try easel(["prompt", "lint", "--preset", "dreamcore-church", "--width", "1024"])
        XCTAssertEqual(big.stdout, "size: width 1024 is above sd15's maximum side of 768 px\n")
        let grid = try writeFile("pony.json", #"{"family": "sd15", "who": "1girl"}"#)
        let pony = try easel(["prompt", "lint", "--grid", grid, "--dialect", "pony"])
        XCTAssertEqual(pony.stdout, "", "the pony dialect writes the score prefix itself")
        let raw = try easel(["prompt", "lint", "--prompt", "1girl, horns", "--dialect", "pony"])
        XCTAssertEqual(raw.stdout, "score-prefix: Pony prompts start with score_9, score_8_up, score_7_up; this one starts with '1girl'\n")
        let words = try easel(["prompt", "lint", "--prompt", Array(repeating: "word", count: 120).joined(separator: " "), "--dialect", "natural"])
        XCTAssertEqual(words.stdout, "words: 120 words; natural prompts should stay within 100\n")
    }

    /// 60 single-token words, a comma, 20 more: 81 tokens, split by A1111's comma backtrack
    /// into 61 + 20 (worked by hand in `CLIPSectionTokenCounterTests`).
    func testLintTokens() throws {
        let prompt = Array(repeating: "cat", count: 60).joined(separator: " ") + ", " + Array(repeating: "cat", count: 20).joined(separator: " ")
        let r = try easel(["prompt", "lint", "--prompt", prompt, "--dialect", "sd15"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "tokens: prompt has 81 tokens, more than the 75 of one CLIP chunk; A1111 encodes it as chunks of 61 + 20\n")
        XCTAssertEqual(r.stderr, "")
    }

    func testLintBadInput() throws {
        assertOneLineError(try easel(["prompt", "lint", "--prompt", "a cat"]), "--prompt needs --dialect (sd15, sdxl, pony, flux, midjourney, natural)")
        assertOneLineError(try easel(["prompt", "lint", "--prompt", "a cat", "--dialect", "v6"]),
                           "unknown dialect 'v6'; valid: sd15, sdxl, pony, flux, midjourney, natural")
        let huge = String(repeating: "a", count: 100 * 1024)
        assertOneLineError(try easel(["prompt", "lint", "--prompt", huge, "--dialect", "sd15"]), "--prompt is 102400 bytes, over the 32768-byte limit for prompt text")
        let invalid = try easel([#""$EASEL" prompt lint --prompt "$(printf 'caf\351')" --dialect sd15"#], shell: true)
        assertOneLineError(invalid, "argument 4 is not valid UTF-8")
    }

    // MARK: presets

    func testPresetsSaveListShowDelete() throws {
        let grid = try writeFile("fox.json", #"{"family": "sdxl", "who": {"value": "fox", "qualifier": "red fur"}, "where": "snowy forest"}"#)
        let saved = try easel(["presets", "save", "fox", "--grid", grid, "--model", "/models/sdxl.safetensors"])
        let file = config.appendingPathComponent("easel/presets/fox.json")
        XCTAssertEqual(saved.stdout, "saved preset 'fox' to \(file.path)\n", saved.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: file.path))

        assertOneLineError(try easel(["presets", "save", "fox", "--grid", grid]), "preset 'fox' already exists; use --force to overwrite it")
        XCTAssertEqual(try easel(["presets", "save", "fox", "--grid", grid, "--force", "--model", "/models/sdxl.safetensors"]).status, 0)
        assertOneLineError(try easel(["presets", "save", "flux-scholar", "--grid", grid]), "preset 'flux-scholar' is built in and read-only")

        let list = try easel(["presets", "list"])
        XCTAssertEqual(list.status, 0)
        let names = list.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        XCTAssertEqual(names, ["dreamcore-church", "anime-waterfall", "pony-horned-character", "flux-scholar", "midjourney-scholar", "fox"])

        let show = try easel(["presets", "show", "fox"])
        XCTAssertEqual(show.stdout, """
        name: fox
        dialect: sdxl
        model: /models/sdxl.safetensors
        settings: Steps: 30, Sampler: Euler a, Schedule type: Normal, CFG scale: 7, Seed: 0, Size: 1024x1024, RNG: CPU
        grid:
          who            fox | red fur
          where          snowy forest
        prompt: fox, red fur, snowy forest, masterpiece, best quality, 8k, ultra-detailed

        """)
        XCTAssertEqual(try easel(["prompt", "render", "--preset", "fox"]).stdout, "fox, red fur, snowy forest, masterpiece, best quality, 8k, ultra-detailed\n")

        XCTAssertEqual(try easel(["presets", "delete", "fox"]).stdout, "deleted preset 'fox'\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.path))
        assertOneLineError(try easel(["presets", "delete", "fox"]), "unknown preset 'fox' (see `easel presets list`)")
        assertOneLineError(try easel(["presets", "delete", "dreamcore-church"]), "preset 'dreamcore-church' is built in and read-only")
        assertOneLineError(try easel(["presets", "show", "nope"]), "unknown preset 'nope' (see `easel presets list`)")
    }

    func testABrokenPresetIsListedAndTheOthersWork() throws {
        let dir = config.appendingPathComponent("easel/presets")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("{\n  \"dialect\": \"sd15\",\n  oops\n}\n".utf8).write(to: dir.appendingPathComponent("broken.json"))
        try Data(#"{"dialect": "flux", "grid": {"who": "owl"}}"#.utf8).write(to: dir.appendingPathComponent("owl.json"))
        let list = try easel(["presets", "list"])
        XCTAssertEqual(list.status, 0)
        let broken = dir.appendingPathComponent("broken.json").path
        XCTAssertTrue(list.stdout.contains("broken                 -           broken    \(broken):3:3: invalid JSON: Invalid value\n"), list.stdout)
        XCTAssertTrue(list.stdout.contains("owl                    flux        user\n"), list.stdout)
        XCTAssertEqual(try easel(["prompt", "render", "--preset", "owl"]).stdout, "An owl.\n")
        assertOneLineError(try easel(["prompt", "render", "--preset", "broken"]), "\(broken):3:3: invalid JSON: Invalid value")
    }

    func testImportAndExportStyles() throws {
        let csv = try writeFile("styles.csv", "name,prompt,negative_prompt\r\nFilm Look,\"{prompt}, film grain, 35mm\",blurry\r\nNeon,neon lights,\r\n")
        let imported = try easel(["presets", "import-styles", csv])
        XCTAssertEqual(imported.stdout, "imported 2 styles: Film Look, Neon\n", imported.stderr)
        let again = try easel(["presets", "import-styles", csv])
        XCTAssertEqual(again.stdout, "skipped 2 (a preset of that name exists or is built in; --force replaces saved ones): Film Look, Neon\n")

        let out = work.appendingPathComponent("out.csv").path
        XCTAssertEqual(try easel(["presets", "export-styles", out]).stdout, "exported 7 styles to \(out)\n")
        assertOneLineError(try easel(["presets", "export-styles", out]), "\(out) exists; use --force to overwrite it")
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("\u{FEFF}name,prompt,negative_prompt\r\n"), "A1111 writes utf-8-sig: a BOM first")
        XCTAssertTrue(text.hasSuffix("Film Look,\"{prompt}, film grain, 35mm\",blurry\r\nNeon,neon lights,\r\n"), text)

        let broken = try writeFile("broken.csv", "name,prompt\nA,\"never closed\n")
        assertOneLineError(try easel(["presets", "import-styles", broken]), "\(broken):2: quoted field is never closed")
    }

    /// Issue 17, item 2: before the fix `export-styles --force` replaced a symbolic link (here one
    /// to /proc/self/fd/1, as the issue found) with a regular file, and created missing folders.
    func testExportStylesRefusesLinksAndMissingFolders() throws {
        let link = work.appendingPathComponent("x.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/proc/self/fd/1")
        let refused = try easel(["presets", "export-styles", link, "--force"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("\(link): cannot write: is a symbolic link"), refused.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "/proc/self/fd/1")

        let missing = work.appendingPathComponent("no/such/styles.csv").path
        let result = try easel(["presets", "export-styles", missing])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("does not exist"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("no").path))
    }

    func testPresetsDeleteRefusesAFolder() throws {
        let tree = config.appendingPathComponent("easel/presets/photos.json/inner")
        try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: tree.appendingPathComponent("keep").path, contents: Data([1]))
        let result = try easel(["presets", "delete", "photos"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("not deleted: it is a folder"), result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: tree.appendingPathComponent("keep").path))
    }
}
