import XCTest
@testable import RenderSettings

/// Parses infotext written by A1111 itself, copied from public sources named per test.
final class InfotextRealExamplesTests: XCTestCase {
    /// The docstring example of `parse_generation_parameters` in A1111
    /// `modules/infotext_utils.py` (an infotext from before "Schedule type" existed).
    func testA1111DocstringExample() throws {
        let text = """
        girl with an artist's beret, determined, blue eyes, desert scene, computer monitors, heavy makeup, by Alphonse Mucha and Charlie Bowater, ((eyeshadow)), (coquettish), detailed, intricate
        Negative prompt: ugly, fat, obese, chubby, (((deformed))), [blurry], bad anatomy, disfigured, poorly drawn face, mutation, mutated, (extra_limb), (ugly), (poorly drawn hands), messy drawing
        Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 965400086, Size: 512x512, Model hash: 45dee52b
        """
        let s = try RenderSettings(infotext: text)
        XCTAssertEqual(s.prompt, "girl with an artist's beret, determined, blue eyes, desert scene, computer monitors, heavy makeup, by Alphonse Mucha and Charlie Bowater, ((eyeshadow)), (coquettish), detailed, intricate")
        XCTAssertEqual(s.negativePrompt, "ugly, fat, obese, chubby, (((deformed))), [blurry], bad anatomy, disfigured, poorly drawn face, mutation, mutated, (extra_limb), (ugly), (poorly drawn hands), messy drawing")
        XCTAssertEqual(s.steps, 20)
        XCTAssertEqual(s.sampler, .eulerA)
        XCTAssertEqual(s.cfgScale, 7)
        XCTAssertEqual(s.seed, 965400086)
        XCTAssertEqual(s.width, 512)
        XCTAssertEqual(s.height, 512)
        XCTAssertEqual(s.modelHash, "45dee52b")
        XCTAssertNil(s.modelName)
        // A1111's defaults for missing keys: "Clip skip" 1, "RNG" GPU, "Schedule type"
        // Automatic, which for Euler a (no `scheduler` option) is k-diffusion's get_sigmas.
        XCTAssertEqual(s.clipSkip, 1)
        XCTAssertEqual(s.rng, .gpu)
        XCTAssertEqual(s.schedule, .normal)
        XCTAssertEqual(s.extraParameters, [])
    }

    /// Posted by MoonRide303 on A1111 pull request #15333 ("Scheduler selection in main UI"),
    /// written by A1111 v1.8.0-238. Every key is one Easel writes in A1111's order, so writing
    /// the parsed settings back must give the same text byte for byte.
    func testA1111PullRequest15333ExampleRoundTripsExactly() throws {
        let text = """
        photography of a nice girl
        Steps: 8, Sampler: Euler, Schedule type: SGM Uniform, CFG scale: 1, Seed: 0, Size: 896x1152, Model hash: 43f0501ac4, Model: sdxl_lightning_8step, Clip skip: 2, RNG: CPU, SGM noise multiplier: True, Version: v1.8.0-238-g31306ce6
        """
        let s = try RenderSettings(infotext: text)
        XCTAssertEqual(s.prompt, "photography of a nice girl")
        XCTAssertEqual(s.negativePrompt, "")
        XCTAssertEqual(s.steps, 8)
        XCTAssertEqual(s.sampler, .euler)
        XCTAssertEqual(s.schedule, .sgmUniform)
        XCTAssertEqual(s.cfgScale, 1)
        XCTAssertEqual(s.seed, 0)
        XCTAssertEqual(s.width, 896)
        XCTAssertEqual(s.height, 1152)
        XCTAssertEqual(s.modelHash, "43f0501ac4")
        XCTAssertEqual(s.modelName, "sdxl_lightning_8step")
        XCTAssertEqual(s.clipSkip, 2)
        XCTAssertEqual(s.rng, .cpu)
        XCTAssertEqual(s.extraParameters, [
            InfotextField(key: "SGM noise multiplier", value: "True"),
            InfotextField(key: "Version", value: "v1.8.0-238-g31306ce6"),
        ])
        XCTAssertEqual(s.infotext, text)
    }

    /// The parameter line posted by Lucifer-101 on Mikubill/sd-webui-controlnet issue #1966:
    /// a quoted value that itself holds `Key: value` pairs (including `Model: …`), which must
    /// stay one value and must not replace the checkpoint name. (The prompt line is ours; the
    /// post shows only the parameter line.)
    func testControlNetQuotedValue() throws {
        let line = #"Steps: 30, Sampler: Euler a, CFG scale: 7, Seed: 2716774486, Size: 384x512, Model hash: e4b17ce185, Model: anything-v4.5-pruned, ControlNet 0: "Module: lineart_anime_denoise, Model: control_v11p_sd15_lineart [43d4be0d], Weight: 1, Resize Mode: Crop and Resize, Low Vram: False, Processor Res: 512, Guidance Start: 0, Guidance End: 1, Pixel Perfect: True, Control Mode: Balanced""#
        let s = try RenderSettings(infotext: "1girl, lineart\n" + line)
        XCTAssertEqual(s.prompt, "1girl, lineart")
        XCTAssertEqual(s.steps, 30)
        XCTAssertEqual(s.seed, 2716774486)
        XCTAssertEqual(s.width, 384)
        XCTAssertEqual(s.height, 512)
        XCTAssertEqual(s.modelName, "anything-v4.5-pruned")
        XCTAssertEqual(s.extraParameters, [InfotextField(
            key: "ControlNet 0",
            value: "Module: lineart_anime_denoise, Model: control_v11p_sd15_lineart [43d4be0d], Weight: 1, Resize Mode: Crop and Resize, Low Vram: False, Processor Res: 512, Guidance Start: 0, Guidance End: 1, Pixel Perfect: True, Control Mode: Balanced")])
        // Written back, the value is quoted again exactly as A1111 quoted it.
        XCTAssertTrue(s.infotext.hasSuffix(#", ControlNet 0: "Module: lineart_anime_denoise, Model: control_v11p_sd15_lineart [43d4be0d], Weight: 1, Resize Mode: Crop and Resize, Low Vram: False, Processor Res: 512, Guidance Start: 0, Guidance End: 1, Pixel Perfect: True, Control Mode: Balanced""#))
    }

    /// From the README of klimaleksus/stable-diffusion-webui-embedding-merge: an old-style
    /// combined sampler name ("DPM++ 2M Karras", before A1111 split out "Schedule type") and a
    /// quoted extension value containing `'`, `<`, `{`, `,` and `=`.
    func testOldCombinedSamplerNameAndQuotedExtensionValue() throws {
        let text = """
        a photo of <'EM_1'>
        Negative prompt: {'EM_2'}
        Steps: 8, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 1374372309, Size: 512x512, Model hash: c6bbc15e32, Model: sd-v1-5-inpainting, EmbeddingMerge: "<'EM_1'>=<'sky' * 2/4 + 'forest' * 3/4>, {'EM_2'}={'blurry'+'cropped'}", Conditional mask weight: 1
        """
        let s = try RenderSettings(infotext: text)
        XCTAssertEqual(s.prompt, "a photo of <'EM_1'>")
        XCTAssertEqual(s.negativePrompt, "{'EM_2'}")
        XCTAssertEqual(s.sampler, .dpmpp2m)
        XCTAssertEqual(s.schedule, .karras)
        XCTAssertEqual(s.modelName, "sd-v1-5-inpainting")
        XCTAssertEqual(s.extraParameters, [
            InfotextField(key: "EmbeddingMerge", value: "<'EM_1'>=<'sky' * 2/4 + 'forest' * 3/4>, {'EM_2'}={'blurry'+'cropped'}"),
            InfotextField(key: "Conditional mask weight", value: "1"),
        ])
    }
}
