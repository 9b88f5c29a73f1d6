import Catalog
import Foundation
import XCTest
@testable import Sampling

/// `linearMultistepCoefficient` and the Gauss–Kronrod integrator behind it.
final class LinearMultistepTests: XCTestCase {
    /// Order 1: the only basis polynomial is 1, so the coefficient is the step t[i+1] − t[i].
    func testOrderOneIsTheStep() throws {
        let t: [Float] = [14.6, 6.7, 3.5, 0]
        for i in 0..<3 {
            XCTAssertEqual(try linearMultistepCoefficient(order: 1, t: t, i: i, j: 0),
                           Double(t[i + 1]) - Double(t[i]), accuracy: 1e-12)
        }
    }

    /// Order 2, by hand: ∫ (τ − t₀')/(t₁' − t₀') over [tᵢ, tᵢ₊₁] with t₁' = tᵢ, t₀' = tᵢ₋₁ gives
    /// ((tᵢ₊₁ − tᵢ₋₁)² − (tᵢ − tᵢ₋₁)²) / (2(tᵢ − tᵢ₋₁)) for j = 0, and (tᵢ₊₁ − tᵢ)² / (2(tᵢ₋₁ − tᵢ))
    /// for j = 1.
    func testOrderTwoClosedForm() throws {
        let t: [Float] = [14.614643, 6.6779995, 3.5220568, 2.0606415]
        for i in 1..<3 {
            let a = Double(t[i - 1]), b = Double(t[i]), c = Double(t[i + 1])
            XCTAssertEqual(try linearMultistepCoefficient(order: 2, t: t, i: i, j: 0),
                           ((c - a) * (c - a) - (b - a) * (b - a)) / (2 * (b - a)), accuracy: 1e-9)
            XCTAssertEqual(try linearMultistepCoefficient(order: 2, t: t, i: i, j: 1),
                           (c - b) * (c - b) / (2 * (a - b)), accuracy: 1e-9)
        }
    }

    /// On an even grid with step h the coefficients are the Adams–Bashforth ones:
    /// h·(3, −1)/2, h·(23, −16, 5)/12 and h·(55, −59, 37, −9)/24 (Hairer, Nørsett & Wanner,
    /// *Solving ODEs I*, §III.1).
    func testEvenGridGivesAdamsBashforth() throws {
        let t: [Float] = [10, 8, 6, 4, 2, 0]
        let h = -2.0
        let tables: [Int: [Double]] = [2: [3, -1].map { $0 / 2 }, 3: [23, -16, 5].map { $0 / 12 },
                                       4: [55, -59, 37, -9].map { $0 / 24 }]
        for (order, weights) in tables {
            for (j, w) in weights.enumerated() {
                XCTAssertEqual(try linearMultistepCoefficient(order: order, t: t, i: 3, j: j), h * w, accuracy: 1e-12,
                               "order \(order) j \(j)")
            }
        }
    }

    /// The Lagrange basis sums to 1, so the coefficients sum to the step.
    func testCoefficientsSumToTheStep() throws {
        let t = try Schedule.karras.sigmas(steps: 10)
        for i in 3..<10 {
            let sum = try (0..<4).reduce(0.0) { $0 + (try linearMultistepCoefficient(order: 4, t: t, i: i, j: $1)) }
            XCTAssertEqual(sum, Double(t[i + 1]) - Double(t[i]), accuracy: 1e-12 * Double(t[i]))
        }
    }

    func testOrderTooHighForTheStepIsAnError() {
        XCTAssertThrowsError(try linearMultistepCoefficient(order: 4, t: [3, 2, 1, 0], i: 2, j: 0)) {
            XCTAssertEqual("\($0)", "LMS order 4 too high for step 2")
        }
    }

    /// The 15-point Kronrod rule integrates polynomials up to degree 22 exactly, which pins
    /// every node and weight: ∫₋₁¹ xᵏ = 2/(k+1) for even k, 0 for odd k.
    func testKronrodRuleIsExactForPolynomialsUpToDegree22() {
        for k in 0...22 {
            let value = GaussKronrodQuadrature.integrate({ pow($0, Double(k)) }, from: -1, to: 1, maxDepth: 0)
            XCTAssertEqual(value, k % 2 == 0 ? 2 / Double(k + 1) : 0, accuracy: 1e-14, "x^\(k)")
        }
        // And the embedded 7-point Gauss rule agrees with it up to degree 13: no refinement needed.
        let shifted = GaussKronrodQuadrature.integrate({ pow($0 - 0.3, 13) }, from: 0.3, to: 2.7, relativeTolerance: 1e-13)
        XCTAssertEqual(shifted, pow(2.4, 14) / 14, accuracy: 1e-9)
    }

    func testAdaptiveRefinementHandlesAPeakedIntegrand() {
        // ∫₀¹ dx / (a + (x − ½)²) = (2/√a)·atan(1/(2√a)), with a = 10⁻⁶.
        let a = 1e-6
        let value = GaussKronrodQuadrature.integrate({ 1 / (a + ($0 - 0.5) * ($0 - 0.5)) }, from: 0, to: 1)
        XCTAssertEqual(value, 2 / a.squareRoot() * atan(0.5 / a.squareRoot()), accuracy: 1e-9 * value)
        XCTAssertEqual(GaussKronrodQuadrature.integrate(sin, from: 0, to: .pi), 2, accuracy: 1e-14)
        XCTAssertEqual(GaussKronrodQuadrature.integrate(exp, from: 1, to: 0), 1 - M_E, accuracy: 1e-14)
    }
}
