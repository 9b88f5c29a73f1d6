import Diffusion
import XCTest

/// The demo model must be present: Easel ships it, and every other test here depends on it.
final class DemoModelPresenceTests: XCTestCase {
    func testDemoModelIsFoundAndLoads() throws {
        let demo = try DemoModelRenderer.load()
        print("demo model: \(demo.modelURL.path)")
        XCTAssertEqual(demo.heldOut.imageSize, 64)
        XCTAssertEqual(demo.heldOut.cases.count, 40)
    }
}
