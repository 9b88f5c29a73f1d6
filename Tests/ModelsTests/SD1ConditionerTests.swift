import Models
import Tensor
import TestSupport
import XCTest

/// `SD1Conditioner` is A1111's path behind the `Conditioner` protocol: the same context, no
/// pooled or extra parts, and A1111 `pad_cond` padding of the context.
final class SD1ConditionerTests: XCTestCase {
    func testSameContextAsA1111ConditioningAndPaddedToOneLength() throws {
        let a1111 = A1111Conditioning(textModel: try TinyModel.textModel())
        let conditioner: any Conditioner = SD1Conditioner(a1111)
        let two = try conditioner.encode([.empty(), .empty()], clipSkip: 1)
        let one = try conditioner.encode([.empty()], clipSkip: 1)
        XCTAssertEqual(two.context.values, try a1111.encode([.empty(), .empty()], clipSkip: 1).values)
        XCTAssertNil(two.pooled)
        XCTAssertNil(two.extra)
        XCTAssertEqual([two.tokenCount, one.tokenCount], [154, 77])
        let (cond, uncond) = try conditioner.padToSameLength(two, one, clipSkip: 1)
        XCTAssertEqual(cond.context.shape, [1, 154, 64])
        XCTAssertEqual(uncond.context.shape, [1, 154, 64])
        XCTAssertEqual(cond.context.values, two.context.values)         // the longer one keeps its values
    }
}
