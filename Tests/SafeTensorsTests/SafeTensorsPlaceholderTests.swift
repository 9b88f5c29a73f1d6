import XCTest

final class SafeTensorsPlaceholderTests: XCTestCase {
    func testFixturesArePresent() throws {
        XCTAssertTrue(FileManager.default.fileExists(atPath: "Package.swift"))
    }
}
