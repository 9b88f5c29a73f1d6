import XCTest
@testable import RenderSettings

/// Names from A1111 `modules/sd_samplers_kdiffusion.py` and `modules/sd_schedulers.py`.
final class SamplerCatalogTests: XCTestCase {
    func testDisplayNamesAndIds() throws {
        let expected: [(String, Sampler)] = [
            ("Euler", .euler), ("Euler a", .eulerA), ("Heun", .heun), ("DPM2", .dpm2), ("DPM2 a", .dpm2A),
            ("LMS", .lms), ("DPM++ 2S a", .dpmpp2sA), ("DPM++ 2M", .dpmpp2m), ("DPM++ SDE", .dpmppSDE),
            ("DPM++ 2M SDE", .dpmpp2mSDE),
        ]
        for (name, sampler) in expected {
            XCTAssertEqual(sampler.displayName, name)
            XCTAssertEqual(try SamplerCatalog.lookup(name).sampler, sampler)
            XCTAssertEqual(try SamplerCatalog.lookup(sampler.id).sampler, sampler)
            XCTAssertNil(try SamplerCatalog.lookup(name).schedule)
        }
        XCTAssertEqual(Sampler.allCases.map(\.id), ["euler", "euler_a", "heun", "dpm2", "dpm2_a", "lms",
                                                   "dpmpp_2s_a", "dpmpp_2m", "dpmpp_sde", "dpmpp_2m_sde", "lcm"])
    }

    func testAliasesAndCase() throws {
        XCTAssertEqual(try SamplerCatalog.lookup("k_euler_a").sampler, .eulerA)
        XCTAssertEqual(try SamplerCatalog.lookup("euler_ancestral").sampler, .eulerA)
        XCTAssertEqual(try SamplerCatalog.lookup("  euler A ").sampler, .eulerA)
        XCTAssertEqual(try SamplerCatalog.lookup("dpmpp_2s_ancestral").sampler, .dpmpp2sA)
    }

    /// A1111 before v1.9 listed "DPM++ 2M Karras" etc. as samplers; `get_sampler_and_scheduler`
    /// splits such a name into the sampler and a trailing schedule label.
    func testCombinedNamesSetTheSchedule() throws {
        let cases: [(String, Sampler, Schedule)] = [
            ("DPM++ 2M Karras", .dpmpp2m, .karras), ("DPM++ SDE Karras", .dpmppSDE, .karras),
            ("DPM++ 2M SDE Karras", .dpmpp2mSDE, .karras), ("DPM++ 2M SDE Exponential", .dpmpp2mSDE, .exponential),
            ("LMS Karras", .lms, .karras), ("DPM2 a Karras", .dpm2A, .karras), ("Euler SGM Uniform", .euler, .sgmUniform),
        ]
        for (name, sampler, schedule) in cases {
            let found = try SamplerCatalog.lookup(name)
            XCTAssertEqual(found.sampler, sampler, name)
            XCTAssertEqual(found.schedule, schedule, name)
        }
    }

    /// "Automatic" resolves to the sampler's `scheduler` option in A1111's table (v1.9+), or
    /// to `get_sigmas` (Easel's `normal`) when it has none.
    func testAutomaticSchedule() throws {
        XCTAssertEqual(try SamplerCatalog.schedule(named: "Automatic", for: .dpmpp2m), .karras)
        XCTAssertEqual(try SamplerCatalog.schedule(named: "Automatic", for: .dpmpp2mSDE), .exponential)
        XCTAssertEqual(try SamplerCatalog.schedule(named: "Automatic", for: .eulerA), .normal)
        XCTAssertEqual(try SamplerCatalog.schedule(named: "automatic", for: .dpm2), .karras)
        XCTAssertEqual(RenderSettings(sampler: .dpmpp2m).schedule, .karras)
    }

    func testScheduleNames() throws {
        XCTAssertEqual(try SamplerCatalog.schedule(named: "SGM Uniform"), .sgmUniform)
        XCTAssertEqual(try SamplerCatalog.schedule(named: "SGMUniform"), .sgmUniform)
        XCTAssertEqual(try SamplerCatalog.schedule(named: "sgm_uniform"), .sgmUniform)
        XCTAssertEqual(try SamplerCatalog.schedule(named: "Uniform"), .normal)
        XCTAssertEqual(try SamplerCatalog.schedule(named: "Normal"), .normal)
        XCTAssertEqual(Schedule.allCases.map(\.displayName), ["Normal", "Karras", "Exponential", "SGM Uniform", "Simple", "Trailing"])
    }

    func testUnknownNamesListTheValidOnes() {
        XCTAssertThrowsError(try SamplerCatalog.lookup("DDIM")) { error in
            XCTAssertEqual("\(error)", "unknown sampler 'DDIM'; valid: euler, euler_a, heun, dpm2, dpm2_a, lms, dpmpp_2s_a, dpmpp_2m, dpmpp_sde, dpmpp_2m_sde, lcm (A1111 names: Euler, Euler a, Heun, DPM2, DPM2 a, LMS, DPM++ 2S a, DPM++ 2M, DPM++ SDE, DPM++ 2M SDE, LCM; a schedule may follow, e.g. \"DPM++ 2M Karras\")")
        }
        XCTAssertThrowsError(try SamplerCatalog.schedule(named: "Beta")) { error in
            XCTAssertEqual("\(error)", "unknown schedule 'Beta'; valid: normal, karras, exponential, sgm_uniform, simple, trailing (A1111 names: Normal, Karras, Exponential, SGM Uniform, Simple, Trailing, Automatic)")
        }
    }
}
