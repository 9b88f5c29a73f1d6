import XCTest
@testable import RenderSettings

final class InfotextRoundTripTests: XCTestCase {
    /// Expected text derived by hand from A1111 `create_infotext`: keys in its order,
    /// "Clip skip" left out at 1, "RNG: CPU" written because it is not GPU, a whole CFG
    /// written without ".0" (as in A1111's own docstring example "CFG scale: 7").
    func testFormatDefaults() {
        let s = RenderSettings(prompt: "a cat", seed: 42)
        XCTAssertEqual(s.infotext, "a cat\nSteps: 20, Sampler: Euler a, Schedule type: Normal, CFG scale: 7, Seed: 42, Size: 512x512, RNG: CPU")
    }

    func testFormatAllFields() {
        let s = RenderSettings(prompt: "a cat", negativePrompt: "dog", steps: 30, sampler: .dpmpp2m,
                               schedule: .karras, cfgScale: 6.5, seed: 7, width: 768, height: 512,
                               clipSkip: 2, modelName: "v1-5-pruned", modelHash: "6ce0161689", rng: .gpu)
        XCTAssertEqual(s.infotext, "a cat\nNegative prompt: dog\nSteps: 30, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 6.5, Seed: 7, Size: 768x512, Model hash: 6ce0161689, Model: v1-5-pruned, Clip skip: 2")
    }

    func testMultiLinePromptsRoundTrip() throws {
        let s = RenderSettings(prompt: "a cat\nBREAK\nwearing a hat, (red:1.2)",
                               negativePrompt: "blurry,\nlowres\nwatermark", seed: 3)
        let text = s.infotext
        XCTAssertEqual(text, "a cat\nBREAK\nwearing a hat, (red:1.2)\nNegative prompt: blurry,\nlowres\nwatermark\nSteps: 20, Sampler: Euler a, Schedule type: Normal, CFG scale: 7, Seed: 3, Size: 512x512, RNG: CPU")
        XCTAssertEqual(try RenderSettings(infotext: text), s)
    }

    /// Values with `,` `:` or a newline are JSON-quoted (A1111 `quote`), so a model name or an
    /// extension value containing them survives; `"` and `\` inside are escaped.
    func testQuotedValuesRoundTrip() throws {
        let s = RenderSettings(prompt: "p", modelName: "my, model: v2",
                               extraParameters: [
                                   InfotextField(key: "Lora hashes", value: "detail: 0a1b2c, film: 3d4e5f"),
                                   InfotextField(key: "Note", value: "say \"hi\"\\there\nnext line: ok"),
                                   InfotextField(key: "Plain", value: "no quoting needed"),
                               ])
        let text = s.infotext
        XCTAssertTrue(text.contains(#"Model: "my, model: v2""#))
        XCTAssertTrue(text.contains(#"Lora hashes: "detail: 0a1b2c, film: 3d4e5f""#))
        XCTAssertTrue(text.contains(#"Note: "say \"hi\"\\there\nnext line: ok""#))
        XCTAssertTrue(text.contains("Plain: no quoting needed"))
        XCTAssertEqual(text.components(separatedBy: "\n").count, 2, "quoted newline stays on the parameter line")
        XCTAssertEqual(try RenderSettings(infotext: text), s)
    }

    func testEveryValueRoundTrips() throws {
        for sampler in Sampler.allCases {
            for schedule in Schedule.allCases {
                let s = RenderSettings(prompt: "x", sampler: sampler, schedule: schedule, seed: UInt64.max)
                XCTAssertEqual(try RenderSettings(infotext: s.infotext), s, "\(sampler) \(schedule)")
            }
        }
    }

    /// Every source survives infotext and the preset JSON; A1111's own are written as it spells
    /// them (`modules/processing.py` `create_infotext`: "RNG": `opts.randn_source` unless GPU),
    /// Easel's ComfyUI source as "ComfyUI".
    func testEveryRNGSourceRoundTrips() throws {
        let spelled: [RNGSource: String?] = [.cpu: "CPU", .nv: "NV", .comfyui: "ComfyUI", .gpu: nil]
        for source in RNGSource.allCases {
            let s = RenderSettings(prompt: "a cat", seed: 1, rng: source)
            let field = s.infotext.components(separatedBy: ", ").first { $0.hasPrefix("RNG: ") }
            XCTAssertEqual(field, spelled[source]!.map { "RNG: " + $0 }, "\(source)")
            XCTAssertEqual(try RenderSettings(infotext: s.infotext).rng, source)
            let json = try JSONEncoder().encode(s)
            XCTAssertEqual(try JSONDecoder().decode(RenderSettings.self, from: json).rng, source)
        }
        XCTAssertEqual(RNGSource.named(" comfyUI "), .comfyui)
        XCTAssertEqual(try RenderSettings(infotext: "p\nSteps: 8, Sampler: Euler, Seed: 1, RNG: comfyui").rng, .comfyui)
    }

    /// A1111 keeps a last line with fewer than 3 `Key: value` pairs as part of the prompt.
    func testPromptOnlyInfotextGetsDefaults() throws {
        let s = try RenderSettings(infotext: "a cat\nstyle: watercolor, mood: calm")
        XCTAssertEqual(s.prompt, "a cat\nstyle: watercolor, mood: calm")
        XCTAssertEqual(s.steps, 20)
        XCTAssertEqual(s.rng, .gpu)
    }

    func testBadValuesNameTheKey() {
        let cases: [(String, String)] = [
            ("p\nSteps: many, Sampler: Euler, CFG scale: 7", "Steps"),
            ("p\nSteps: 20, Sampler: Euler, CFG scale: high", "CFG scale"),
            ("p\nSteps: 20, Seed: -1, Size: 512x512", "Seed"),
            ("p\nSteps: 20, Seed: 1, Size: 512 by 512", "Size"),
        ]
        for (text, key) in cases {
            XCTAssertThrowsError(try RenderSettings(infotext: text)) { error in
                XCTAssertTrue("\(error)".contains("'\(key)'"), "\(error)")
            }
        }
        XCTAssertThrowsError(try RenderSettings(infotext: "p\nSteps: 20, Sampler: Restart, Seed: 1")) { error in
            XCTAssertTrue("\(error)".hasPrefix("unknown sampler 'Restart'; valid: euler, euler_a"), "\(error)")
        }
    }

    /// Python `json.dumps(..., ensure_ascii=False)` escapes, checked by hand against the
    /// Python documentation of the JSON encoder.
    func testQuoteMatchesPythonJSONDumps() {
        XCTAssertEqual(InfotextQuoting.quote("plain text"), "plain text")
        XCTAssertEqual(InfotextQuoting.quote("a, b"), "\"a, b\"")
        XCTAssertEqual(InfotextQuoting.quote("a:b"), "\"a:b\"")
        XCTAssertEqual(InfotextQuoting.quote("tab\there, \u{01}"), "\"tab\\there, \\u0001\"")
        XCTAssertEqual(InfotextQuoting.quote("ünï: 猫 / ok"), "\"ünï: 猫 / ok\"")
        XCTAssertEqual(InfotextQuoting.unquote("\"\\u00e9\\ud83d\\ude00\""), "é😀")
        XCTAssertEqual(InfotextQuoting.unquote("\"broken \\x\""), "\"broken \\x\"", "invalid JSON is kept as is")
    }
}
