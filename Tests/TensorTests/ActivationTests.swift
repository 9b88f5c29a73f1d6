import Foundation
import XCTest
@testable import Tensor

final class ActivationTests: XCTestCase {
    private let inputs: [Float] = stride(from: -12, through: 12, by: 0.37).map { Float($0) } + [0, 1, -1, 30, -30]

    /// The vectorised exp against glibc's double exp, relative error below 4e-7.
    func testExpMatchesLibm() {
        let xs: [Float] = stride(from: -80, through: 80, by: 0.173).map { Float($0) }
        for x in xs {
            let got = Double(VectorMath.exp(Float16Lanes(repeating: x))[0])
            let want = Foundation.exp(Double(x))
            XCTAssertLessThan(abs(got - want) / want, 4e-7, "exp(\(x))")
        }
    }

    /// The vectorised erf against glibc's double erf, absolute error below 3e-7.
    func testErfMatchesLibm() {
        for x in inputs {
            let got = Double(VectorMath.erf(Float16Lanes(repeating: x))[0])
            XCTAssertEqual(got, Foundation.erf(Double(x)), accuracy: 3e-7, "erf(\(x))")
        }
    }

    /// SiLU, GELU and quick_gelu of a tensor (with a tail shorter than 16) against their
    /// definitions evaluated in Double with libm; spot values: silu(1) = 1/(1+e⁻¹) =
    /// 0.7310586, gelu(1) = Φ(1) = 0.8413447, quick_gelu(1) = 1/(1+e^-1.702) = 0.8457957.
    func testActivationsAgainstDefinitions() {
        let x = Tensor(shape: [inputs.count], values: inputs)
        let definitions: [(Activation, (Double) -> Double)] = [
            (.silu, { $0 / (1 + Foundation.exp(-$0)) }),
            (.gelu, { 0.5 * $0 * (1 + Foundation.erf($0 / 2.0.squareRoot())) }),
            (.quickGELU, { $0 / (1 + Foundation.exp(-1.702 * $0)) }),
        ]
        for (activation, definition) in definitions {
            let y = x.applying(activation).values
            for (value, input) in zip(y, inputs) {
                let want = definition(Double(input))
                XCTAssertEqual(Double(value), want, accuracy: 1e-6 * max(1, abs(want)), "\(activation)(\(input))")
            }
        }
        let one = Tensor(shape: [1], values: [1])
        XCTAssertEqual(one.applying(.silu).values[0], 0.7310586, accuracy: 1e-6)
        XCTAssertEqual(one.applying(.gelu).values[0], 0.8413447, accuracy: 1e-6)
        XCTAssertEqual(one.applying(.quickGELU).values[0], 0.8457957, accuracy: 1e-6)
    }

    /// GEGLU on one row [value | gate] = [1, 2, 3 | 1, 0, -1]: [1·gelu(1), 2·gelu(0), 3·gelu(-1)]
    /// = [0.8413447, 0, 3·(−0.1586553)] (Φ values from tables).
    func testGEGLUByHand() {
        let y = Tensor(shape: [1, 6], values: [1, 2, 3, 1, 0, -1]).geglu()
        XCTAssertEqual(y.shape, [1, 3])
        XCTAssertEqual(y.values[0], 0.8413447, accuracy: 1e-6)
        XCTAssertEqual(y.values[1], 0, accuracy: 1e-7)
        XCTAssertEqual(y.values[2], -0.4759659, accuracy: 1e-6)
    }

    /// Elementwise helpers on small hand-checked values.
    func testElementwiseByHand() {
        let a = Tensor(shape: [2, 2, 1], values: [1, 2, 3, 4])
        let b = Tensor(shape: [2, 2, 1], values: [10, 20, 30, 40])
        XCTAssertEqual(a.adding(b).values, [11, 22, 33, 44])
        XCTAssertEqual(a.multiplying(b).values, [10, 40, 90, 160])
        XCTAssertEqual(a.scaled(by: 0.5).values, [0.5, 1, 1.5, 2])
        let c = a.copy()
        c.addPerChannel(Tensor(shape: [2, 2], values: [100, 200, 300, 400]))
        XCTAssertEqual(c.values, [101, 202, 303, 404])
        c.add(a)
        XCTAssertEqual(c.values, [102, 204, 306, 408])
    }
}
