import Foundation
import SafeTensors
import TestSupport
import XCTest

/// Writes `data` to a fresh temporary file named `name` and opens it.
func openSafeTensors(_ data: Data, name: String = "test.safetensors") throws -> SafeTensorsFile {
    try SafeTensorsFile(url: writeTemporary(data, name: name))
}

func writeTemporary(_ data: Data, name: String = "test.safetensors") throws -> URL {
    let url = try Fixtures.temporaryDirectory("easel-safetensors").appendingPathComponent(name)
    try data.write(to: url)
    return url
}

/// Asserts that opening `data` fails with exactly `reason` (for `tensor`, when given).
func assertOpenFails(_ data: Data, tensor: String? = nil, _ reason: SafeTensorsError.Reason,
                     file: StaticString = #filePath, line: UInt = #line) {
    do {
        _ = try openSafeTensors(data, name: "bad.safetensors")
        XCTFail("opening succeeded; expected \(reason)", file: file, line: line)
    } catch let error as SafeTensorsError {
        XCTAssertEqual(error.reason, reason, "\(error)", file: file, line: line)
        XCTAssertEqual(error.tensor, tensor, "\(error)", file: file, line: line)
        XCTAssertEqual(error.file, "bad.safetensors", file: file, line: line)
        XCTAssertTrue(error.description.hasPrefix("bad.safetensors: "), error.description, file: file, line: line)
    } catch {
        XCTFail("unexpected error type: \(error)", file: file, line: line)
    }
}
