import XCTest

final class EaselCLIPlaceholderTests: XCTestCase {
    func testFixturesArePresent() throws {
        XCTAssertTrue(FileManager.default.fileExists(atPath: "Package.swift"))
    }
}
