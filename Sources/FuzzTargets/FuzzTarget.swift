import Comparison
import Foundation
import Imaging
import PromptKit
import PromptSyntax
import RenderSettings
import SafeTensors

/// The parsers fuzzed by `easel-fuzz` (issue 17, item 13): each takes any bytes and must
/// return or throw, never crash, hang or allocate without bound. Thrown errors are the
/// expected outcome for most inputs and are ignored.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case safetensors
    case attention
    case promptEditing = "prompt-editing"
    case infotext
    case png
    case grid
    case preset
    case styles
    /// `--xy` axes (A1111's X/Y plot value syntax): the bytes' lines are the axes.
    case comparison
    case wildcards

    /// Runs the parser on one input.
    public func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        switch self {
        case .safetensors: SafeTensorsFuzzing.run(bytes)
        case .attention: _ = parsePromptAttention(text)
        case .promptEditing:
            _ = try? promptSchedule(text, steps: 20)
            _ = try? promptSchedule(text, steps: 7, hiresSteps: 3, useOldScheduling: true)
        case .infotext: _ = try? Infotext.parse(text)
        case .png:
            _ = try? PNGDecoder.decodeText(bytes)
            _ = try? PNGDecoder.decode(bytes)
        case .grid: _ = try? PromptGrid.fromJSON(text, source: "fuzz.json")
        case .preset:
            if let preset = try? JSONFile.decode(Preset.self, from: Data(bytes), path: "fuzz.json") { _ = preset.render() }
        case .styles: _ = try? StylesCSV.parse(Data(bytes), path: "fuzz.csv")
        case .comparison:
            let specs = text.split(separator: "\n", maxSplits: 2).prefix(2).map(String.init)
            if let plan = try? ComparisonPlan(specs: specs) { _ = try? plan.allSettings(base: RenderSettings(prompt: text)) }
        case .wildcards:
            // Lists that name each other and themselves, so recursion and growth are exercised.
            let lists = ["a": ["{x|__b__}", "__a__ __a__"], "b": ["__a__, {2$$p|q|r}"], "sub/c": WildcardLibrary.parse(text)]
            _ = WildcardExpander { lists[$0] }.expand(text, seed: UInt64(bytes.count))
        }
    }

    /// Tokens worth inserting whole: the syntax each parser cares about.
    public var dictionary: [String] {
        switch self {
        case .safetensors:
            ["{", "}", "[", "]", ",", ":", "\"", "\"dtype\"", "\"F32\"", "\"F16\"", "\"BF16\"", "\"I64\"", "\"shape\"",
             "\"data_offsets\"", "\"__metadata__\"", "0", "1", "-1", "4", "18446744073709551615", "1e30", "\\u0000"]
        case .attention, .promptEditing:
            ["(", ")", "[", "]", ":", "|", "\\", "BREAK", "AND", ":1.2", ":0.5", "::", "1e308", ".", "<lora:x:1>", " ", ","]
        case .infotext:
            ["\n", "Negative prompt: ", "Steps: ", "Sampler: ", "Euler a", "CFG scale: ", "Seed: ", "Size: ", "64x64",
             "Model hash: ", "Clip skip: ", "RNG: ", "CPU", ", ", "\"", "\\\"", ": ", "Schedule type: ", "Karras"]
        case .png:
            ["IHDR", "IDAT", "IEND", "tEXt", "zTXt", "iTXt", "parameters\u{0}", "\u{0}\u{0}\u{0}\u{0}", "\u{FF}\u{FF}\u{FF}\u{7F}"]
        case .grid, .preset:
            ["{", "}", "[", "]", ",", ":", "\"", "\"what\"", "\"who\"", "\"value\"", "\"qualifier\"", "\"weight\"",
             "\"family\"", "\"sd15\"", "\"negative\"", "\"extraTags\"", "\"grid\"", "\"settings\"", "\"steps\"",
             "\"sampler\"", "\"style\"", "\"theme\"", "1e308", "-1", "null", "true", "\\u0000"]
        case .wildcards:
            ["{", "}", "|", "__a__", "__b__", "__sub/c__", "__", "::", "2::", "$$", "2$$", "1-3$$", "\\", "\n", "#"]
        case .styles:
            [",", "\"", "\"\"", "\r\n", "\n", "name", "prompt", "negative_prompt", "{prompt}", "\u{FEFF}", "#"]
        case .comparison:
            ["=", ",", "\"", "-", " (+", " [", "]", ")", "\n", "cfg=", "seed=", "steps=", "sampler=", "sr=", "lora:x=",
             "what=", "1-5", "0.0-1.0 [6]", "-1", "9223372036854775807", "1e308"]
        }
    }
}
