import Tensor
import XCTest

/// `EASEL_PRECISION`, read in one place: unset or empty is no choice, fp32/bf16 name one, and
/// anything else is a one-line error naming the variable (the message `easel generate` prints).
final class PrecisionEnvironmentTests: XCTestCase {
    func testNamesAPrecisionOrNothing() throws {
        XCTAssertNil(try Precision.fromEnvironment([:]))
        XCTAssertNil(try Precision.fromEnvironment(["EASEL_PRECISION": ""]))
        XCTAssertEqual(try Precision.fromEnvironment(["EASEL_PRECISION": "fp32"]), .fp32)
        XCTAssertEqual(try Precision.fromEnvironment(["EASEL_PRECISION": "bf16"]), .bf16)
    }

    func testOtherValuesAreAOneLineError() {
        XCTAssertThrowsError(try Precision.fromEnvironment(["EASEL_PRECISION": "fp64"])) {
            XCTAssertEqual("\($0)", "EASEL_PRECISION: expected fp32, bf16 or fp32-half, got 'fp64'")
        }
    }
}
