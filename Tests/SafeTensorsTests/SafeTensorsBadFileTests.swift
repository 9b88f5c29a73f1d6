import Foundation
import RenderSettings
import FuzzTargets
import SafeTensors
import TestSupport
import XCTest

/// Truncated, corrupt and hostile files: each must fail with its own error, naming the file
/// (and the tensor when there is one), without crashing or allocating absurd amounts.
final class SafeTensorsBadFileTests: XCTestCase {
    private let entry = #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#
    private let eightBytes = [UInt8](repeating: 0, count: 8)

    func testEmptyAndTruncatedLengthPrefix() {
        assertOpenFails(Data(), .truncated(fileSize: 0))
        assertOpenFails(Data([1, 0, 0]), .truncated(fileSize: 3))
    }

    func testHeaderLengthPastEndOfFile() {
        let data = SafeTensorsWriter.file(header: Array(entry.utf8), data: eightBytes, headerLength: 5000)
        assertOpenFails(data, .headerPastEnd(headerLength: 5000, fileSize: data.count))
    }

    func testHugeHeaderLengthIsRejectedBeforeAllocating() {
        for length: UInt64 in [100_000_001, 1 << 40, UInt64.max] {
            let data = SafeTensorsWriter.file(header: Array(entry.utf8), data: eightBytes, headerLength: length)
            assertOpenFails(data, .headerTooLarge(headerLength: length, limit: 100_000_000))
        }
    }

    func testInvalidJSON() throws {
        for header in ["{\"w\": {", "not json", "", "[1, 2, 3]", "\"text\"", "{\"w\" 1}"] {
            let error = try XCTUnwrap(openError(SafeTensorsWriter.file(header: header, data: eightBytes)), header)
            guard case .invalidJSON = error.reason else { return XCTFail("\(header): \(error)") }
        }
    }

    func testDeeplyNestedJSONDoesNotCrash() throws {
        let header = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = try XCTUnwrap(openError(SafeTensorsWriter.file(header: header)))
        guard case .invalidJSON = error.reason else { return XCTFail("\(error)") }
    }

    func testMetadataMustMapStringsToStrings() throws {
        let header = #"{"__metadata__":{"steps":12}}"#
        assertOpenFails(SafeTensorsWriter.file(header: header), .invalidJSON("__metadata__ must map strings to strings"))
    }

    func testMalformedEntries() {
        let cases: [(String, String)] = [
            (#"{"w":{"dtype":7,"shape":[2],"data_offsets":[0,8]}}"#, "'dtype' must be a string"),
            (#"{"w":{"shape":[2],"data_offsets":[0,8]}}"#, "no 'dtype' field"),
            (#"{"w":{"dtype":"F32","data_offsets":[0,8]}}"#, "no 'shape' field"),
            (#"{"w":{"dtype":"F32","shape":[true],"data_offsets":[0,8]}}"#, "'shape' must be a list of integers"),
            (#"{"w":{"dtype":"F32","shape":[2.5],"data_offsets":[0,8]}}"#, "'shape' and 'data_offsets' must hold integers"),
            (#"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,"8"]}}"#, "'data_offsets' must be a list of integers"),
            (#"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,1e30]}}"#, "'shape' and 'data_offsets' must hold integers"),
            (#"{"w":[1,2]}"#, "'entry' must be an object"),
            (#"{"w":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}"#, "shape [-2] has a negative dimension"),
            (#"{"w":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}}"#,
             "data_offsets [8, 0] must be [begin, end] with 0 ≤ begin ≤ end"),
            (#"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0]}}"#,
             "data_offsets [0] must be [begin, end] with 0 ≤ begin ≤ end"),
            (#"{"w":{"dtype":"Q3","shape":[4611686018427387904,8],"data_offsets":[0,8]}}"#,
             "shape [4611686018427387904, 8] has more elements than can be counted"),
        ]
        for (header, message) in cases {
            assertOpenFails(SafeTensorsWriter.file(header: header, data: eightBytes), tensor: "w", .invalidEntry(message))
        }
    }

    func testShapeDoesNotMatchByteRange() {
        let header = #"{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#
        assertOpenFails(SafeTensorsWriter.file(header: header, data: eightBytes), tensor: "w",
                        .sizeMismatch(shape: [3], dtype: "F32", expectedBytes: 12, actualBytes: 8))
        let f16 = #"{"w":{"dtype":"F16","shape":[2,3],"data_offsets":[0,8]}}"#
        assertOpenFails(SafeTensorsWriter.file(header: f16, data: eightBytes), tensor: "w",
                        .sizeMismatch(shape: [2, 3], dtype: "F16", expectedBytes: 12, actualBytes: 8))
    }

    func testShapeProductOverflowIsASizeMismatch() {
        // 2^60 · 4 elements fit in an Int; their 2^64 bytes do not.
        let header = #"{"w":{"dtype":"F32","shape":[1152921504606846976,4],"data_offsets":[0,8]}}"#
        assertOpenFails(SafeTensorsWriter.file(header: header, data: eightBytes), tensor: "w",
                        .sizeMismatch(shape: [1152921504606846976, 4], dtype: "F32", expectedBytes: Int.max, actualBytes: 8))
    }

    func testOffsetsPastEndOfData() {
        let header = #"{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#
        assertOpenFails(SafeTensorsWriter.file(header: header, data: eightBytes), tensor: "w",
                        .offsetsOutOfRange(begin: 0, end: 16, dataSize: 8))
    }

    func testOverlappingRanges() {
        let header = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#
        assertOpenFails(SafeTensorsWriter.file(header: header, data: eightBytes), tensor: "b", .overlaps(other: "a"))
    }

    func testTruncatedRealCheckpoint() throws {
        let whole = try Fixtures.data("tiny-sd15.safetensors")
        let error = try XCTUnwrap(openError(whole.prefix(whole.count / 2)))
        guard case .offsetsOutOfRange = error.reason else { return XCTFail("\(error)") }
        XCTAssertNotNil(error.tensor)
    }

    func testMissingFileAndDirectory() throws {
        let directory = try Fixtures.temporaryDirectory()
        XCTAssertThrowsError(try SafeTensorsFile(url: directory.appendingPathComponent("absent.safetensors"))) { error in
            XCTAssertEqual("\(error)", "absent.safetensors: cannot open: open: No such file or directory")
        }
        XCTAssertThrowsError(try SafeTensorsFile(url: directory)) { error in
            XCTAssertEqual((error as? SafeTensorsError)?.reason, .cannotOpen("not a regular file"))
        }
    }

    /// Random byte corruption of a valid file: opening and reading may fail, never crash.
    func testCorruptedBytesNeverCrash() throws {
        var writer = SafeTensorsWriter()
        writer.add("a", shape: [2, 3], floats: [1, 2, 3, 4, 5, 6])
        writer.add("b", dtype: "F16", shape: [4], bytes: [UInt8](repeating: 0x3C, count: 8))
        writer.add("c", dtype: "I64", shape: [2], bytes: [UInt8](repeating: 1, count: 16))
        let original = [UInt8](writer.data())
        var generator = SplitMix64(seed: 2024)
        let url = try writeTemporary(Data(original))
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<(1 + Int(generator.next() % 3)) {
                bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
            }
            try Data(bytes).write(to: url)
            guard let file = try? SafeTensorsFile(url: url) else { continue }
            for name in file.names {
                _ = try? file.tensor(name)
                _ = try? file.int64s(name)
            }
        }
    }

    private func openError(_ data: Data) -> SafeTensorsError? {
        do {
            _ = try openSafeTensors(data)
            return nil
        } catch {
            return error as? SafeTensorsError
        }
    }
}
