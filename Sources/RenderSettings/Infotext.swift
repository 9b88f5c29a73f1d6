import Foundation

/// A1111's "infotext": the `parameters` text chunk of its PNGs.
///
/// ```
/// <prompt, possibly several lines>
/// Negative prompt: <negative, possibly several lines>
/// Steps: 20, Sampler: Euler a, Schedule type: Normal, CFG scale: 7, Seed: 1, Size: 512x512, …
/// ```
///
/// Writing follows A1111 `modules/processing.py` `create_infotext`: keys in its order, a key
/// left out when A1111 leaves it out ("Clip skip" at 1, "RNG" when GPU), values quoted by
/// `InfotextQuoting.quote`, and the whole text stripped. Reading follows
/// `modules/infotext_utils.py` `parse_generation_parameters`, including its defaults for
/// missing keys ("Clip skip" 1, "RNG" GPU, "Schedule type" Automatic).
public enum Infotext {
    /// A1111 `re_param_code`, one `Key: value` pair of the parameter line.
    static let parameterPattern = #"\s*(\w[\w \-/]+):\s*("(?:\\.|[^\\"])+"|[^,]*)(?:,|$)"#
    private static let parameterRegex = try! NSRegularExpression(pattern: parameterPattern)
    private static let sizeRegex = try! NSRegularExpression(pattern: #"^(\d+)x(\d+)$"#)

    /// Keys that `parse` turns into `RenderSettings` fields; any other key is kept in
    /// `extraParameters`.
    public static let interpretedKeys: Set<String> = Set<String>([
        "Steps", "Sampler", "Schedule type", "CFG scale", "Seed", "Size", "Model hash", "Model", "Clip skip", "RNG",
        "Denoising strength", "Mask blur", "Hires upscale", "Hires steps", "Hires upscaler", "Model sampling",
    ]).union(variationKeys)

    /// The infotext A1111 would write for these settings.
    public static func format(_ settings: RenderSettings) -> String {
        var text = settings.prompt
        if !settings.negativePrompt.isEmpty { text += "\nNegative prompt: " + settings.negativePrompt }
        text += "\n" + parameterLine(settings) + templateLines(settings)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The `Key: value, …` line alone.
    public static func parameterLine(_ settings: RenderSettings) -> String {
        var fields: [(String, String)] = [
            ("Steps", String(settings.steps)),
            ("Sampler", settings.sampler.displayName),
            ("Schedule type", settings.schedule.displayName),
            ("CFG scale", formatNumber(settings.cfgScale)),
            ("Seed", String(settings.seed)),
            ("Size", "\(settings.width)x\(settings.height)"),
        ]
        if let hash = settings.modelHash { fields.append(("Model hash", hash)) }
        if let name = settings.modelName { fields.append(("Model", name)) }
        fields += variationFields(settings)
        if let strength = settings.denoisingStrength { fields.append(("Denoising strength", formatNumber(strength))) }
        if settings.clipSkip > 1 { fields.append(("Clip skip", String(settings.clipSkip))) }
        if settings.rng != .gpu { fields.append(("RNG", settings.rng.displayName)) }
        fields += imageToImageFields(settings)
        fields += settings.extraParameters.map { ($0.key, $0.value) }
        return fields.map { key, value in key == value ? key : "\(key): \(InfotextQuoting.quote(value))" }
            .joined(separator: ", ")
    }

    /// Reads infotext as A1111 does. Throws, naming the key, when an interpreted key's value
    /// does not parse or names an unknown sampler or schedule.
    /// Most `Key: value` pairs read from a parameter line. A1111's own infotext has about 20, and
    /// extensions add a few dozen; a line with more is refused (issue 17, item 5: 100,000 keys).
    public static let maximumFields = 1000

    /// Reads `text`; throws when the prompt or negative is over `PromptTextLimit` or the
    /// parameter line has more than `maximumFields` pairs. Linear in the text's length.
    public static func parse(_ text: String) throws -> RenderSettings {
        var lines = text.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let templates = try splitTemplateLines(&lines)
        var lastLine = lines.removeLast()
        var parameters = try fields(inParameterLine: lastLine)
        if parameters.count < 3 {
            lines.append(lastLine)
            lastLine = ""
            parameters = []
        }
        var settings = RenderSettings(rng: .gpu)
        (settings.prompt, settings.negativePrompt) = splitPrompts(lines)
        try RenderSettings.checkPromptLengths(prompt: settings.prompt, negative: settings.negativePrompt)
        try apply(parameters, to: &settings)
        (settings.promptTemplate, settings.negativeTemplate) = (templates.prompt, templates.negative)
        return settings
    }

    /// The `Key: value` pairs of a parameter line, values unquoted, in order; throws past
    /// `maximumFields` pairs, without matching the rest of the line.
    static func fields(inParameterLine line: String) throws -> [InfotextField] {
        // Substrings are cut from one UTF-16 copy: `NSString.substring` on a bridged Swift
        // string converts offsets from the start each time, which made 100,000 keys quadratic.
        let scanner = InfotextParameterScanner(line)
        func text(_ range: NSRange) -> String {
            String(decoding: scanner.utf16[range.location..<(range.location + range.length)], as: UTF16.self)
        }
        var fields: [InfotextField] = []
        var tooMany = false
        scanner.forEachMatch(of: parameterRegex) { match in
            guard fields.count < maximumFields else {
                tooMany = true
                return false
            }
            let key = text(match.range(at: 1))
            let raw = text(match.range(at: 2))
            fields.append(InfotextField(key: key, value: InfotextQuoting.unquote(raw)))
            return true
        }
        if tooMany { throw RenderSettingsError.invalidSetting(field: "infotext", reason: "more than \(maximumFields) parameters") }
        return fields
    }

    /// Prompt lines up to a line starting with "Negative prompt:", negative lines after it;
    /// every line stripped, as A1111 does.
    private static func splitPrompts(_ lines: [String]) -> (String, String) {
        var prompt: [String] = []
        var negative: [String] = []
        var inNegative = false
        for var line in lines.map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) {
            if line.hasPrefix("Negative prompt:") {
                inNegative = true
                line = String(line.dropFirst("Negative prompt:".count)).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if inNegative { negative.append(line) } else { prompt.append(line) }
        }
        return (prompt.joined(separator: "\n"), negative.joined(separator: "\n"))
    }

    private static func apply(_ fields: [InfotextField], to settings: inout RenderSettings) throws {
        var samplerSchedule: Schedule?
        var scheduleName = SamplerCatalog.automaticScheduleName
        // Index of each extra key in `extraParameters`: a repeated key replaces the value in
        // place (A1111's dict), found in O(1), not by a scan per key (the quadratic step).
        var extraIndex: [String: Int] = [:]
        for (index, field) in settings.extraParameters.enumerated() { extraIndex[field.key] = index }
        for field in fields {
            let value = field.value
            switch field.key {
            case "Steps": settings.steps = try integer(field, "a whole number")
            case "Sampler": (settings.sampler, samplerSchedule) = try SamplerCatalog.lookup(value)
            case "Schedule type": scheduleName = value
            case "CFG scale":
                guard let cfg = Double(value.trimmingCharacters(in: .whitespaces)), cfg.isFinite else {
                    throw RenderSettingsError.invalidInfotextValue(key: field.key, value: value, expected: "a number")
                }
                settings.cfgScale = cfg
            case "Seed":
                guard let seed = UInt64(value.trimmingCharacters(in: .whitespaces)) else {
                    throw RenderSettingsError.invalidInfotextValue(key: field.key, value: value, expected: "a whole number ≥ 0")
                }
                settings.seed = seed
            case "Size": (settings.width, settings.height) = try size(field)
            case "Model hash": settings.modelHash = value
            case "Model": settings.modelName = value
            case "Clip skip": settings.clipSkip = try integer(field, "a whole number")
            case "RNG":
                guard let rng = RNGSource.named(value) else { throw RenderSettingsError.unknownRNG(value) }
                settings.rng = rng
            case "Denoising strength", "Mask blur", "Hires upscale", "Hires steps", "Hires upscaler", "Model sampling":
                try applyImageToImage(field, to: &settings)
            case "Variation seed", "Variation seed strength", "Seed resize from":
                try applyVariation(field, to: &settings)
            default:
                if let index = extraIndex[field.key] {
                    settings.extraParameters[index].value = value
                } else {
                    extraIndex[field.key] = settings.extraParameters.count
                    settings.extraParameters.append(field)
                }
            }
        }
        settings.schedule = try samplerSchedule ?? SamplerCatalog.schedule(named: scheduleName, for: settings.sampler)
    }

    static func integer(_ field: InfotextField, _ expected: String) throws -> Int {
        guard let n = Int(field.value.trimmingCharacters(in: .whitespaces)) else {
            throw RenderSettingsError.invalidInfotextValue(key: field.key, value: field.value, expected: expected)
        }
        return n
    }

    private static func size(_ field: InfotextField) throws -> (Int, Int) {
        let ns = field.value as NSString
        guard let m = sizeRegex.firstMatch(in: field.value, range: NSRange(location: 0, length: ns.length)),
              let w = Int(ns.substring(with: m.range(at: 1))), let h = Int(ns.substring(with: m.range(at: 2))) else {
            throw RenderSettingsError.invalidInfotextValue(key: field.key, value: field.value, expected: "WIDTHxHEIGHT")
        }
        return (w, h)
    }

    /// A number as A1111 infotext usually shows it: `7` for whole values, else the shortest
    /// decimal that reads back as the same Double (`6.5`).
    public static func formatNumber(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }
}

extension RenderSettings {
    /// A1111 infotext for these settings (see `Infotext.format`).
    public var infotext: String { Infotext.format(self) }

    /// Settings read from A1111 infotext (see `Infotext.parse`).
    public init(infotext: String) throws {
        self = try Infotext.parse(infotext)
    }
}
