import XCTest

final class SamplingPlaceholderTests: XCTestCase {
    func testFixturesArePresent() throws {
        XCTAssertTrue(FileManager.default.fileExists(atPath: "Package.swift"))
    }
}
