import Catalog
import Foundation
import XCTest
@testable import Sampling

/// Every sampler against the float64 transcription of k-diffusion 0.1.1 in
/// `KDiffusionReference`, on the exact Gaussian denoiser, with scripted noise so the stochastic
/// samplers are deterministic. Six steps reach LMS order 4 and cover the last step to σ = 0.
final class SamplerReferenceTests: XCTestCase {
    private let model = GaussianDenoiser(means: [0.3, -0.8, 1.5], spread: 0.5)
    private let x0: [Float] = [9.1, -6.4, 2.2]
    private let sigmas: [Float] = [10, 5.5, 3, 1.25, 0.6, 0.2, 0]
    private let script: [Float] = [0.8, -1.3, 0.25, 1.9, -0.6, -2.1, 0.45, 1.1, -0.05, 0.7, -1.6]

    private typealias Reference = (_ model: @escaping KDiffusionReference.Denoise, _ x0: Double,
                                   _ sigmas: [Double], _ noise: @escaping KDiffusionReference.Noise) -> Double

    private func check(_ kind: Sampler, sigmas: [Float]? = nil, file: StaticString = #filePath,
                       line: UInt = #line, _ reference: Reference) throws {
        let sigmas = sigmas ?? self.sigmas
        var noise: any NoiseSource = ScriptedNoise(script)
        let got = try kind.sample(model.denoiser, x: x0, sigmas: sigmas, noise: &noise)
        let scripted = ScriptedNoise(script)
        for k in x0.indices {
            let expected = reference({ self.model($0, sigma: $1, element: k) }, Double(x0[k]), sigmas.map(Double.init)) {
                scripted.value(call: $0, element: k, count: self.x0.count)
            }
            XCTAssertEqual(Double(got[k]), expected, accuracy: 2e-5 * (1 + abs(expected)),
                           "\(kind.rawValue) element \(k)", file: file, line: line)
        }
    }

    func testEuler() throws { try check(.euler) { m, x, s, _ in KDiffusionReference.euler(m, x, s) } }
    func testEulerAncestral() throws { try check(.eulerA, KDiffusionReference.eulerAncestral) }
    func testHeun() throws { try check(.heun) { m, x, s, _ in KDiffusionReference.heun(m, x, s) } }
    func testDPM2() throws { try check(.dpm2) { m, x, s, _ in KDiffusionReference.dpm2(m, x, s) } }
    func testDPM2Ancestral() throws { try check(.dpm2A, KDiffusionReference.dpm2Ancestral) }
    func testLMS() throws { try check(.lms) { m, x, s, _ in KDiffusionReference.lms(m, x, s) } }
    func testDPMPP2SAncestral() throws { try check(.dpmpp2sA, KDiffusionReference.dpmpp2SAncestral) }
    func testDPMPP2M() throws { try check(.dpmpp2m) { m, x, s, _ in KDiffusionReference.dpmpp2M(m, x, s) } }
    func testDPMPPSDE() throws { try check(.dpmppSDE, KDiffusionReference.dpmppSDE) }
    func testDPMPP2MSDE() throws { try check(.dpmpp2mSDE, KDiffusionReference.dpmpp2MSDE) }

    /// The same on a real SD schedule (karras, 12 steps over the SD 1.x sigma table).
    func testAllSamplersOnAKarrasSchedule() throws {
        let karras = try Schedule.karras.sigmas(steps: 12)
        try check(.euler, sigmas: karras) { m, x, s, _ in KDiffusionReference.euler(m, x, s) }
        try check(.eulerA, sigmas: karras, KDiffusionReference.eulerAncestral)
        try check(.heun, sigmas: karras) { m, x, s, _ in KDiffusionReference.heun(m, x, s) }
        try check(.dpm2, sigmas: karras) { m, x, s, _ in KDiffusionReference.dpm2(m, x, s) }
        try check(.dpm2A, sigmas: karras, KDiffusionReference.dpm2Ancestral)
        try check(.lms, sigmas: karras) { m, x, s, _ in KDiffusionReference.lms(m, x, s) }
        try check(.dpmpp2sA, sigmas: karras, KDiffusionReference.dpmpp2SAncestral)
        try check(.dpmpp2m, sigmas: karras) { m, x, s, _ in KDiffusionReference.dpmpp2M(m, x, s) }
        try check(.dpmppSDE, sigmas: karras, KDiffusionReference.dpmppSDE)
        try check(.dpmpp2mSDE, sigmas: karras, KDiffusionReference.dpmpp2MSDE)
    }
}
