import Foundation

/// JSON form of `RenderSettings` (used inside preset files). Every key is optional and falls
/// back to the default (empty prompts are not written); a missing `schedule` means the
/// sampler's automatic schedule; an unknown key is an error naming it, so a typo such as
/// `cfg_scale` is not silently ignored.
extension RenderSettings: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case prompt, negativePrompt, steps, sampler, schedule, cfgScale, seed, width, height
        case clipSkip, batchSize, modelName, modelHash, rng, extraParameters
        case denoisingStrength, hires, maskBlur, modelSampling, variation, seedResizeFrom, promptTemplate, negativeTemplate
    }

    public init(from decoder: Decoder) throws {
        try Self.rejectUnknownKeys(in: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = RenderSettings()
        let sampler = try c.decodeIfPresent(Sampler.self, forKey: .sampler) ?? defaults.sampler
        self.init(
            prompt: try c.decodeIfPresent(String.self, forKey: .prompt) ?? defaults.prompt,
            negativePrompt: try c.decodeIfPresent(String.self, forKey: .negativePrompt) ?? defaults.negativePrompt,
            steps: try c.decodeIfPresent(Int.self, forKey: .steps) ?? defaults.steps,
            sampler: sampler,
            schedule: try c.decodeIfPresent(Schedule.self, forKey: .schedule),
            cfgScale: try c.decodeIfPresent(Double.self, forKey: .cfgScale) ?? defaults.cfgScale,
            seed: try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? defaults.seed,
            width: try c.decodeIfPresent(Int.self, forKey: .width) ?? defaults.width,
            height: try c.decodeIfPresent(Int.self, forKey: .height) ?? defaults.height,
            clipSkip: try c.decodeIfPresent(Int.self, forKey: .clipSkip) ?? defaults.clipSkip,
            batchSize: try c.decodeIfPresent(Int.self, forKey: .batchSize) ?? defaults.batchSize,
            modelName: try c.decodeIfPresent(String.self, forKey: .modelName),
            modelHash: try c.decodeIfPresent(String.self, forKey: .modelHash),
            rng: try c.decodeIfPresent(RNGSource.self, forKey: .rng) ?? defaults.rng,
            extraParameters: try c.decodeIfPresent([InfotextField].self, forKey: .extraParameters) ?? [])
        denoisingStrength = try c.decodeIfPresent(Double.self, forKey: .denoisingStrength)
        hires = try c.decodeIfPresent(HiresFix.self, forKey: .hires)
        maskBlur = try c.decodeIfPresent(Int.self, forKey: .maskBlur)
        modelSampling = try c.decodeIfPresent(ModelSampling.self, forKey: .modelSampling) ?? .discrete
        variation = try c.decodeIfPresent(VariationSeed.self, forKey: .variation) ?? .off
        seedResizeFrom = try c.decodeIfPresent(SeedResize.self, forKey: .seedResizeFrom)
        promptTemplate = try c.decodeIfPresent(String.self, forKey: .promptTemplate)
        negativeTemplate = try c.decodeIfPresent(String.self, forKey: .negativeTemplate)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if !prompt.isEmpty { try c.encode(prompt, forKey: .prompt) }
        if !negativePrompt.isEmpty { try c.encode(negativePrompt, forKey: .negativePrompt) }
        try c.encode(steps, forKey: .steps)
        try c.encode(sampler, forKey: .sampler)
        try c.encode(schedule, forKey: .schedule)
        try c.encode(cfgScale, forKey: .cfgScale)
        try c.encode(seed, forKey: .seed)
        try c.encode(width, forKey: .width)
        try c.encode(height, forKey: .height)
        try c.encode(clipSkip, forKey: .clipSkip)
        try c.encode(batchSize, forKey: .batchSize)
        try c.encodeIfPresent(modelName, forKey: .modelName)
        try c.encodeIfPresent(modelHash, forKey: .modelHash)
        try c.encode(rng, forKey: .rng)
        if !extraParameters.isEmpty { try c.encode(extraParameters, forKey: .extraParameters) }
        try c.encodeIfPresent(denoisingStrength, forKey: .denoisingStrength)
        try c.encodeIfPresent(hires, forKey: .hires)
        try c.encodeIfPresent(maskBlur, forKey: .maskBlur)
        if modelSampling != .discrete { try c.encode(modelSampling, forKey: .modelSampling) }
        if variation != .off { try c.encode(variation, forKey: .variation) }
        try c.encodeIfPresent(seedResizeFrom, forKey: .seedResizeFrom)
        try c.encodeIfPresent(promptTemplate, forKey: .promptTemplate)
        try c.encodeIfPresent(negativeTemplate, forKey: .negativeTemplate)
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private static func rejectUnknownKeys(in decoder: Decoder) throws {
        let known = Set(CodingKeys.allCases.map(\.stringValue))
        let all = try decoder.container(keyedBy: AnyKey.self).allKeys
        if let unknown = all.first(where: { !known.contains($0.stringValue) }) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath + [unknown],
                debugDescription: "unknown key '\(unknown.stringValue)'; known keys: \(CodingKeys.allCases.map(\.stringValue).joined(separator: ", "))"))
        }
    }
}
