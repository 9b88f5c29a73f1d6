import XCTest

final class TermImagePlaceholderTests: XCTestCase {
    func testFixturesArePresent() throws {
        XCTAssertTrue(FileManager.default.fileExists(atPath: "Package.swift"))
    }
}
