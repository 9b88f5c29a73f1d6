import RenderSettings
import XCTest

/// A1111's `Lora hashes` / `TI hashes` fields (A1111 `extra_networks_lora.py` `activate`,
/// `lora_script.py` `infotext_pasted`): written as one quoted `"name: hash, …"` value, read
/// back pair by pair.
final class NetworkHashesTests: XCTestCase {
    func testWrittenQuotedAndReadBack() throws {
        var settings = RenderSettings()
        settings.prompt = "a cat <lora:tinylora-ldm:0.8>"
        settings.loraHashes = [NetworkHash(name: "tinylora-ldm", hash: "43e5e985176b"), NetworkHash(name: "a:b,c", hash: "31cad92c4370")]
        settings.embeddingHashes = [NetworkHash(name: "easynegative", hash: "889c2525e986")]
        let text = Infotext.format(settings)
        XCTAssertTrue(text.contains(#"Lora hashes: "tinylora-ldm: 43e5e985176b, abc: 31cad92c4370""#), text)
        XCTAssertTrue(text.contains(#"TI hashes: "easynegative: 889c2525e986""#), text)
        let read = try Infotext.parse(text)
        XCTAssertEqual(read.loraHashes, [NetworkHash(name: "tinylora-ldm", hash: "43e5e985176b"), NetworkHash(name: "abc", hash: "31cad92c4370")])
        XCTAssertEqual(read.embeddingHashes, [NetworkHash(name: "easynegative", hash: "889c2525e986")])
    }

    /// A parameter line as A1111 1.7 writes it (field order and quoting of `create_infotext`).
    func testAnA1111LineIsRead() throws {
        let text = """
        a knight <lora:add_detail:0.5> <lora:knight_v2:0.8>
        Negative prompt: easynegative
        Steps: 20, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 1, Size: 512x768, Model hash: 6ce0161689, Model: v1-5, Lora hashes: "add_detail: 7c6bad76eb54, knight_v2: 0123456789AB", TI hashes: "easynegative: c74b4e810b03", Version: v1.7.0
        """
        let settings = try Infotext.parse(text)
        XCTAssertEqual(settings.loraHashes.map(\.name), ["add_detail", "knight_v2"])
        XCTAssertEqual(settings.loraHashes.map(\.hash), ["7c6bad76eb54", "0123456789ab"])
        XCTAssertEqual(settings.embeddingHashes, [NetworkHash(name: "easynegative", hash: "c74b4e810b03")])
    }

    func testMalformedPartsAreSkippedAndEmptyListsRemoveTheField() {
        XCTAssertEqual(NetworkHashes.parse("broken, : x, a: , ok: abc"), [NetworkHash(name: "ok", hash: "abc")])
        var settings = RenderSettings()
        settings.loraHashes = [NetworkHash(name: "x", hash: "y")]
        settings.loraHashes = []
        XCTAssertFalse(settings.extraParameters.contains { $0.key == "Lora hashes" })
    }
}
