import Catalog
import XCTest

/// The catalogue's ComfyUI names against ComfyUI's own lists, and every entry's names against
/// each other.
final class SamplerCatalogNamesTests: XCTestCase {
    /// ComfyUI `comfy/samplers.py` (`KSAMPLER_NAMES`, `SCHEDULER_NAMES`; newer releases define
    /// them in `comfy/sampler_names.py`), copied from that file: the KSampler node's
    /// `sampler_name` and `scheduler` values. Only the names Easel implements are listed.
    private let comfyKSamplerNames = ["euler", "euler_ancestral", "heun", "dpm_2", "dpm_2_ancestral", "lms",
                                      "dpmpp_2s_ancestral", "dpmpp_sde", "dpmpp_2m", "dpmpp_2m_sde", "lcm"]
    /// `trailing` is not ComfyUI's (diffusers' `timestep_spacing`); its "ComfyUI name" is that.
    private let comfySchedulerNames = ["normal", "karras", "exponential", "sgm_uniform", "simple", "trailing"]

    func testComfyUINamesAreComfyUIs() {
        XCTAssertEqual(Set(Sampler.allCases.map(\.comfyUIName)), Set(comfyKSamplerNames))
        XCTAssertEqual(Sampler.allCases.count, comfyKSamplerNames.count)
        XCTAssertEqual(Schedule.allCases.map(\.comfyUIName), comfySchedulerNames)
        XCTAssertEqual(Sampler.eulerA.comfyUIName, "euler_ancestral")
        XCTAssertEqual(Sampler.dpm2A.comfyUIName, "dpm_2_ancestral")
    }

    func testEverySamplerRoundTripsIdA1111AndComfyUINames() throws {
        for sampler in Sampler.allCases {
            XCTAssertEqual(try Sampler(id: sampler.id), sampler)
            XCTAssertEqual(Sampler(name: sampler.id), sampler)
            XCTAssertEqual(Sampler(name: sampler.displayName), sampler, sampler.displayName)
            XCTAssertEqual(Sampler(name: sampler.comfyUIName), sampler, sampler.comfyUIName)
            for alias in sampler.entry.aliases { XCTAssertEqual(Sampler(name: alias), sampler, alias) }
        }
    }

    func testEveryScheduleRoundTripsIdA1111AndComfyUINames() throws {
        for schedule in Schedule.allCases {
            XCTAssertEqual(try Schedule(id: schedule.id), schedule)
            XCTAssertEqual(Schedule(name: schedule.displayName), schedule, schedule.displayName)
            XCTAssertEqual(Schedule(name: schedule.comfyUIName), schedule, schedule.comfyUIName)
            for alias in schedule.entry.aliases { XCTAssertEqual(Schedule(name: alias), schedule, alias) }
        }
    }

    /// No name means two samplers (or two schedules), and no sampler name ends in a schedule
    /// label, so A1111's combined names split one way only.
    func testNamesAreUnambiguous() {
        let samplerNames = SamplerCatalog.samplers.flatMap { Set($0.names.map { $0.lowercased() }) }
        XCTAssertEqual(samplerNames.count, Set(samplerNames).count)
        let scheduleNames = SamplerCatalog.schedules.flatMap { Set($0.names.map { $0.lowercased() }) }
        XCTAssertEqual(scheduleNames.count, Set(scheduleNames).count)
        XCTAssertNil(Sampler(name: "DPM++ 2M Karras"))
        XCTAssertNil(Schedule(name: SamplerCatalog.automaticScheduleName))
    }

    /// A1111 `get_sampler_and_scheduler`: "DPM++ 2M Karras" is "DPM++ 2M" plus "Karras".
    func testCombinedNameAndUnknownIds() {
        XCTAssertEqual(SamplerCatalog.sampler(named: "DPM++ 2M Karras")?.sampler, .dpmpp2m)
        XCTAssertEqual(SamplerCatalog.sampler(named: "DPM++ 2M Karras")?.schedule, .karras)
        XCTAssertNil(SamplerCatalog.sampler(named: "DDIM"))
        XCTAssertThrowsError(try Schedule(id: "Karras")) {
            XCTAssertEqual("\($0)", "unknown schedule 'Karras' (known: normal, karras, exponential, sgm_uniform, simple, trailing)")
        }
    }
}
