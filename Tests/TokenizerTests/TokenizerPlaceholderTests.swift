import XCTest

final class TokenizerPlaceholderTests: XCTestCase {
    func testFixturesArePresent() throws {
        XCTAssertTrue(FileManager.default.fileExists(atPath: "Package.swift"))
    }
}
