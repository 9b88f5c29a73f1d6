import Foundation
import LocalEngine
import RenderSettings
import TestSupport
import XCTest

/// A1111's short hashes of adapter files. Expected values were computed with Python's hashlib
/// from the fixture files, as A1111 `modules/hashes.py` does: LoRA =
/// `sha256(bytes after the 8-byte length and the JSON header)[:12]` (`addnet_hash_safetensors`),
/// embedding = `sha256(whole file)[:12]`.
final class AdapterHashesTests: XCTestCase {
    let adapters = Fixtures.url("tiny-sd15-adapters")

    func testShortHashesMatchA1111s() throws {
        let cache = try Fixtures.temporaryDirectory().appendingPathComponent("hashes.json")
        XCTAssertEqual(try AdapterHashes.lora(adapters.appendingPathComponent("loras/tinylora-ldm.safetensors"), cache: cache), "43e5e985176b")
        XCTAssertEqual(try AdapterHashes.lora(adapters.appendingPathComponent("loras/tinylora-diffusers.safetensors"), cache: cache), "31cad92c4370")
        XCTAssertEqual(try AdapterHashes.embedding(adapters.appendingPathComponent("embeddings/easynegative.safetensors"), cache: cache), "889c2525e986")
        // kohya's stored hash wins (A1111 reads `sshs_model_hash` first).
        XCTAssertEqual(try AdapterHashes.lora(adapters.appendingPathComponent("loras/tinylora-ldm.safetensors"),
                                              metadata: ["sshs_model_hash": "ABCDEF0123456789"], cache: cache), "abcdef012345")
    }

    func testInfotextHashesNameTheTagsAndTheEmbeddingsUsed() throws {
        let cache = try Fixtures.temporaryDirectory().appendingPathComponent("hashes.json")
        let found = AdapterHashes.infotextHashes(
            prompt: "a cat <lora:tinylora-ldm:0.8> <lora:tiny_detail_v1:1> <lora:nothing:1>", negative: "EasyNegative, blurry",
            loraFolders: [adapters.appendingPathComponent("loras")], embeddingFolders: [adapters.appendingPathComponent("embeddings")],
            cache: cache)
        XCTAssertEqual(found.loras, [NetworkHash(name: "tinylora-ldm", hash: "43e5e985176b"), NetworkHash(name: "tiny_detail_v1", hash: "43e5e985176b")])
        XCTAssertEqual(found.embeddings, [NetworkHash(name: "easynegative", hash: "889c2525e986")])
    }

    /// A PNG naming a LoRA the folders hold under another name finds it by its hash; an
    /// unknown hash leaves the tag as it was (the engine then warns about the name).
    func testTagsAreResolvedByHash() throws {
        let folder = try Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(at: adapters.appendingPathComponent("loras/tinylora-diffusers.safetensors"),
                                         to: folder.appendingPathComponent("renamed.safetensors"))
        var settings = RenderSettings()
        settings.prompt = "a cat <lora:tinylora-diffusers:0.5:1.2> <lora:gone:1>"
        settings.loraHashes = [NetworkHash(name: "tinylora-diffusers", hash: "31cad92c4370"), NetworkHash(name: "gone", hash: "000000000000")]
        let cache = folder.appendingPathComponent("hashes.json")
        let (resolved, notes) = AdapterHashes.resolveByHash(settings, loraFolders: [folder], cache: cache)
        XCTAssertEqual(resolved.prompt, "a cat <lora:renamed:0.5:1.2> <lora:gone:1>")
        XCTAssertEqual(notes, ["lora 'tinylora-diffusers' found by its hash 31cad92c4370 as 'renamed'"])
    }
}
