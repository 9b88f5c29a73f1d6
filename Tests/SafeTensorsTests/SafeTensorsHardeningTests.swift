import Foundation
@testable import SafeTensors
import TestSupport
import XCTest

/// Issue 17, items 9 and 11.
final class SafeTensorsHardeningTests: XCTestCase {
    private let eightBytes = [UInt8](repeating: 0, count: 8)

    /// Before the fix `JSONDecoder` kept one copy and the file opened. The reference reader
    /// refuses such a file (huggingface/safetensors issue #401), so the expected outcome is a
    /// refusal; the key is named.
    func testDuplicateTopLevelKeyIsRejected() {
        let header = #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#
        assertOpenFails(SafeTensorsWriter.file(header: header, data: eightBytes), .duplicateKey("w"))
    }

    /// `"\u0077"` is `"w"` once decoded: still a duplicate. A repeated field inside an entry too.
    func testDuplicatesAfterEscapesAndInsideEntries() {
        let escaped = #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"\u0077":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#
        assertOpenFails(SafeTensorsWriter.file(header: escaped, data: eightBytes), .duplicateKey("w"))
        let field = #"{"w":{"dtype":"F32","dtype":"F16","shape":[2],"data_offsets":[0,8]}}"#
        assertOpenFails(SafeTensorsWriter.file(header: field, data: eightBytes), .duplicateKey("dtype"))
    }

    func testKeysThatOnlyLookAlikeAreFine() {
        XCTAssertNil(JSONDuplicateKeys.first(in: Data(#"{"a":{"b":1},"b":{"a":[{"a":1},{"a":2}]},"c":"a\":"}"#.utf8)))
    }

    /// A 1 MB tensor name used to make a 1 MB error line; now the name is cut to 80 characters
    /// and its length given (`QuotedInput.maximumCharacters`).
    func testAHugeTensorNameGivesAShortError() throws {
        let name = String(repeating: "k", count: 1 << 20)
        let header = "{\"\(name)\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}"
        do {
            _ = try openSafeTensors(SafeTensorsWriter.file(header: header, data: eightBytes))
            XCTFail("opened")
        } catch {
            let line = "\(error)"
            XCTAssertLessThan(line.count, 400, String(line.prefix(400)))
            XCTAssertTrue(line.contains("(1048576 characters)"), String(line.prefix(400)))
        }
    }
}
