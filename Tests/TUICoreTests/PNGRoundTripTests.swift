import PromptKit
import RenderSettings
import XCTest
@testable import TUICore

/// Issue 16, problem 4: an A1111 PNG loads its prompt as written, says what is not applied, and
/// a ComfyUI PNG's graph gives its texts and settings.
final class PNGRoundTripTests: XCTestCase {
    func testWhatIsNotAppliedIsNamedInOneLine() throws {
        var h = ReducerHarness()
        let settings = try Infotext.parse("""
            masterpiece, <lora:add_detail:0.6>, a castle
            Negative prompt: lowres
            Steps: 30, Sampler: DPM++ 2M, CFG scale: 6, Seed: 9, Size: 512x768, Model hash: abc, Model: dreamshaper_8, Denoising strength: 0.5, Hires upscale: 2, Hires upscaler: Latent, Lora hashes: "add_detail: 7c6bad76eb54"
            """)
        h.send(.imageOpened(path: "/x/castle.png", settings: settings))
        XCTAssertEqual(h.state.status, .warning("Loaded castle.png as a raw prompt with its parameters; not applied: model dreamshaper_8 (rendering with tiny), LoRA add_detail, GPU RNG (CPU noise here, so the image differs)"))
        XCTAssertEqual(h.state.analysis.rendered.prompt, "masterpiece, <lora:add_detail:0.6>, a castle")
        XCTAssertEqual(h.settings.rng, .cpu)
        XCTAssertEqual(h.settings.hires?.scale, 2)  // the hires fix is a setting now (issue 15), so it applies
        // Rows typed afterwards add to the raw prompt; nothing is rewritten.
        h.typeKeys("at dusk")
        XCTAssertEqual(h.state.analysis.rendered.prompt, "masterpiece, <lora:add_detail:0.6>, a castle, at dusk")
        XCTAssertEqual(h.state.analysis.rendered.negative, "lowres")
    }

    /// A PNG made with a noise source the engine renders (NV, ComfyUI's conventions on the local
    /// engine) keeps it, so the same seed gives the same image; GPU noise, which no engine here
    /// draws, falls back to CPU noise and is named. The sources are the in-process engine's
    /// (`InProcessEngine.capabilities.noiseSources`), as the app passes them on start.
    func testANoiseSourceTheEngineRendersIsKept() throws {
        var h = ReducerHarness()
        h.send(.enginesListed(h.state.engines.entries, current: EngineState.localName, canCancel: true,
                              noiseSources: [.cpu, .nv, .comfyui]))
        for (field, source) in [("NV", RNGSource.nv), ("ComfyUI", .comfyui)] {
            let settings = try Infotext.parse("a castle\nSteps: 8, Sampler: Euler, Seed: 9, Size: 512x512, RNG: \(field)")
            h.send(.imageOpened(path: "/x/castle.png", settings: settings))
            XCTAssertEqual(h.state.status, .success("Loaded castle.png as a raw prompt with its parameters"))
            XCTAssertEqual(h.settings.rng, source)
        }
        // An engine that draws CPU noise only (ComfyUI servers' default here) keeps the old rule.
        h.send(.enginesListed(h.state.engines.entries, current: EngineState.localName, canCancel: true))
        h.send(.imageOpened(path: "/x/castle.png", settings: try Infotext.parse("a castle\nSteps: 8, Seed: 9, Size: 512x512, RNG: NV")))
        XCTAssertEqual(h.settings.rng, .cpu)
        XCTAssertEqual(h.state.status, .warning("Loaded castle.png as a raw prompt with its parameters; not applied: NV RNG (CPU noise here, so the image differs)"))
    }

    /// A hires upscaler Easel does not have (A1111's ESRGAN models) is named in the same line,
    /// with its stand-in; the rest of the hires fix applies.
    func testUnavailableHiresUpscalerIsNamedWithItsStandIn() throws {
        var h = ReducerHarness()
        let settings = try Infotext.parse("a castle\nSteps: 30, Sampler: Euler, Seed: 9, Size: 512x768, Denoising strength: 0.5, "
                                              + "Hires upscale: 2, Hires upscaler: R-ESRGAN 4x+, RNG: CPU")
        h.send(.imageOpened(path: "/x/castle.png", settings: settings))
        XCTAssertEqual(h.state.status, .warning("Loaded castle.png as a raw prompt with its parameters; not applied: hires upscaler R-ESRGAN 4x+ (Lanczos here)"))
        XCTAssertEqual(h.settings.hires?.upscaler, .lanczos)
        XCTAssertEqual(h.settings.hires?.scale, 2)
    }

    /// ComfyUI's default text-to-image graph in API format, as its SaveImage node writes it
    /// into the "prompt" chunk (node ids and inputs from ComfyUI's default workflow).
    func testComfyUIGraphGivesTextsSeedStepsCFGSamplerAndSize() throws {
        let graph = """
            {"3": {"class_type": "KSampler", "inputs": {"seed": 156680208700286, "steps": 20, "cfg": 8,
               "sampler_name": "dpmpp_2m", "scheduler": "karras", "denoise": 1, "model": ["4", 0],
               "positive": ["6", 0], "negative": ["7", 0], "latent_image": ["5", 0]}},
             "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "v1-5-pruned-emaonly.safetensors"}},
             "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 512, "height": 768, "batch_size": 1}},
             "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "beautiful scenery nature glass bottle landscape, , purple galaxy bottle,", "clip": ["4", 1]}},
             "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "text, watermark", "clip": ["4", 1]}},
             "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["4", 2]}},
             "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "ComfyUI", "images": ["8", 0]}}}
            """
        let s = try ComfyWorkflow.parse(graph)
        XCTAssertEqual(s.prompt, "beautiful scenery nature glass bottle landscape, , purple galaxy bottle,")
        XCTAssertEqual(s.negativePrompt, "text, watermark")
        XCTAssertEqual(s.seed, 156680208700286)
        XCTAssertEqual([s.steps, s.width, s.height], [20, 512, 768])
        XCTAssertEqual(s.cfgScale, 8)
        XCTAssertEqual(s.sampler, .dpmpp2m)
        XCTAssertEqual(s.schedule, .karras)
        XCTAssertEqual(s.modelName, "v1-5-pruned-emaonly")
        XCTAssertThrowsError(try ComfyWorkflow.parse(#"{"1": {"class_type": "SaveImage", "inputs": {}}}"#))
    }
}
