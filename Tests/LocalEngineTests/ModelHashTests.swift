import XCTest
import TestSupport
@testable import LocalEngine

final class ModelHashTests: XCTestCase {
    /// FIPS 180-2 Appendix B test vectors (the same messages as NIST's FIPS 180-4 examples,
    /// SHA256.pdf): "abc", the 448-bit message, and the empty string.
    func testSHA256KnownVectors() {
        var a = SHA256(); a.update(Array("abc".utf8))
        XCTAssertEqual(SHA256.hex(a.finalize()), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var b = SHA256(); b.update(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        XCTAssertEqual(SHA256.hex(b.finalize()), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var empty = SHA256()
        XCTAssertEqual(SHA256.hex(empty.finalize()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    /// A million 'a's, fed in uneven pieces to exercise the block buffering (FIPS 180-2 B.3).
    func testSHA256MillionAInPieces() {
        var h = SHA256()
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 999)
        var left = 1_000_000
        while left > 0 { let n = min(left, piece.count); h.update(piece[0..<n]); left -= n }
        XCTAssertEqual(SHA256.hex(h.finalize()), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// A whole fixture file through `ModelHash.hashFile` (4 MiB reads), and the same bytes fed in
    /// pieces of 1, 63, 65 and 4 099 bytes, which split blocks every way. Expected value from
    /// coreutils: `sha256sum tiny-sd15-fp16.safetensors`.
    func testWholeFileDigestMatchesSha256sum() throws {
        let url = Fixtures.url("tiny-sd15-fp16.safetensors")
        let expected = "edac927a63c78583ca576bce0edb648adbfaed8f4c6481b59147a104f2e93175"
        XCTAssertEqual(try ModelHash.hashFile(url), expected)
        let bytes = [UInt8](try Data(contentsOf: url))
        for size in [1, 63, 65, 4099] {
            var h = SHA256()
            var offset = 0
            let limit = size == 1 ? 10_000 : bytes.count      // byte by byte: a prefix only (checked below)
            while offset < limit {
                let n = min(size, limit - offset)
                bytes[offset..<offset + n].withUnsafeBytes { h.update($0) }
                offset += n
            }
            if size == 1 {
                var whole = SHA256()
                bytes[0..<limit].withUnsafeBytes { whole.update($0) }
                XCTAssertEqual(SHA256.hex(h.finalize()), SHA256.hex(whole.finalize()))
            } else {
                XCTAssertEqual(SHA256.hex(h.finalize()), expected, "pieces of \(size)")
            }
        }
    }

    /// Expected value from coreutils: `sha256sum tiny-sd15.safetensors`.
    func testFixtureCheckpointShortHash() throws {
        let cache = try Fixtures.temporaryDirectory().appendingPathComponent("cache.json")
        XCTAssertEqual(try ModelHash.shortHash(of: Fixtures.url("tiny-sd15.safetensors"), cache: cache), "649fd8d1d8")
    }

    /// Expected values from coreutils: `printf abc | sha256sum`, `printf abcd | sha256sum`.
    func testFileHashIsCachedByPathSizeAndMtime() throws {
        let dir = try Fixtures.temporaryDirectory()
        let file = dir.appendingPathComponent("m.safetensors")
        try Data("abc".utf8).write(to: file)
        let cache = dir.appendingPathComponent("cache.json")
        XCTAssertEqual(try ModelHash.shortHash(of: file, cache: cache), "ba7816bf8f")
        XCTAssertTrue(FileManager.default.fileExists(atPath: cache.path))
        // A changed file (new size) is hashed again, not served from the cache.
        try Data("abcd".utf8).write(to: file)
        XCTAssertEqual(try ModelHash.shortHash(of: file, cache: cache), "88d4266fd4")
    }

    func testMissingFileIsAnError() {
        XCTAssertThrowsError(try ModelHash.shortHash(of: URL(fileURLWithPath: "/nonexistent/x.safetensors"),
                                                     cache: URL(fileURLWithPath: "/tmp/easel-none.json")))
    }
}
