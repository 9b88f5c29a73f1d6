import Foundation
import ModelLibrary
import TestSupport
import XCTest

/// The model library's folders from the settings file, A1111 and ComfyUI installs (their
/// default layouts: A1111 `modules/cmd_args.py`, `extensions-builtin/Lora/preload.py`;
/// ComfyUI `folder_paths.py`) and Easel's defaults under `$XDG_DATA_HOME`.
final class LibraryFoldersTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws { root = try Fixtures.temporaryDirectory("easel-library") }

    @discardableResult
    func folder(_ path: String) throws -> URL {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    var environment: [String: String] {
        ["HOME": root.appendingPathComponent("home").path, "XDG_CONFIG_HOME": root.appendingPathComponent("config").path,
         "XDG_DATA_HOME": root.appendingPathComponent("data").path]
    }

    func writeSettings(_ json: String) throws {
        try folder("config/easel")
        try Data(json.utf8).write(to: root.appendingPathComponent("config/easel/config.json"))
    }

    func testSettingsInstallsAndDefaultsInOrder() throws {
        for path in ["a1111/models/Stable-diffusion", "a1111/models/Lora", "a1111/models/LyCORIS", "a1111/embeddings",
                     "comfy/models/checkpoints", "comfy/models/loras", "comfy/models/embeddings",
                     "home/mine/loras", "data/easel/models/checkpoints", "data/easel/models/loras", "data/easel/models/embeddings",
                     "config/easel/relative-embeddings", "not-an-install"] {
            try folder(path)
        }
        try writeSettings("""
            {"loras": ["~/mine/loras", "/no/such/folder"], "embeddings": ["relative-embeddings"],
             "installs": ["\(root.appendingPathComponent("a1111").path)", "\(root.appendingPathComponent("comfy").path)",
                          "\(root.appendingPathComponent("not-an-install").path)"],
             "comment": "unknown keys are ignored"}
            """)
        let library = try LibraryFolders.load(environment: environment)
        let paths = { (urls: [URL]) in urls.map { String($0.path.dropFirst(self.root.path.count + 1)) } }
        XCTAssertEqual(paths(library.checkpoints), ["a1111/models/Stable-diffusion", "comfy/models/checkpoints", "data/easel/models/checkpoints"])
        XCTAssertEqual(paths(library.loras), ["home/mine/loras", "a1111/models/Lora", "a1111/models/LyCORIS", "comfy/models/loras",
                                              "data/easel/models/loras"])
        XCTAssertEqual(paths(library.embeddings), ["config/easel/relative-embeddings", "a1111/embeddings", "comfy/models/embeddings",
                                                   "data/easel/models/embeddings"])
        XCTAssertEqual(library.notes, [
            "library folder /no/such/folder does not exist",
            "\(root.appendingPathComponent("not-an-install").path) is neither an A1111 install (models/Stable-diffusion) nor a ComfyUI one (models/checkpoints)",
        ])
    }

    func testNoSettingsFileMeansTheDefaultsThatExist() throws {
        try folder("data/easel/models/loras")
        let library = try LibraryFolders.load(environment: environment)
        XCTAssertEqual(library.loras.map(\.lastPathComponent), ["loras"])
        XCTAssertEqual(library.checkpoints, [])
        XCTAssertEqual(library.notes, [])
    }

    func testBadSettingsAreOneLineErrors() throws {
        let file = root.appendingPathComponent("config/easel/config.json").path
        for (json, message) in [("{not json", "\(file): is not a JSON object of folder lists"),
                                (#"{"loras": "one/folder"}"#, "\(file): 'loras': expected a list of folder paths"),
                                ("[1, 2]", "\(file): is not a JSON object of folder lists")] {
            try writeSettings(json)
            XCTAssertThrowsError(try LibraryFolders.load(environment: environment)) {
                XCTAssertEqual(String(describing: $0), message)
            }
        }
    }

    /// Names a tag may use: base names and `ss_output_name` (the fixture `tinylora-ldm` says
    /// `tiny_detail_v1`, fixture README).
    func testLoRANamesIncludeOutputNames() {
        let names = LoRANames.names(in: [Fixtures.url("tiny-sd15-adapters/loras")])
        XCTAssertTrue(names.isSuperset(of: ["tinylora-ldm", "tiny_detail_v1", "tinyloha", "tinylokr", "tinylora-peft"]), "\(names)")
    }
}
