import XCTest
import TestSupport
@testable import LocalEngine

final class ModelHashTests: XCTestCase {
    /// FIPS 180-2 Appendix B test vectors.
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
