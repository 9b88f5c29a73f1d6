extension RenderSettings {
    /// Checks the img2img and hires-fix fields: a denoising strength in (0, 1], a hires scale
    /// in (1, `HiresFix.maximumScale`] whose target size stays within `maximumSide`, hires steps
    /// in 0…`maximumSteps`, a mask blur in 0…64.
    func validateImageToImage() throws {
        if let strength = denoisingStrength, !(strength > 0 && strength <= 1) {
            throw RenderSettingsError.invalidSetting(field: "strength", reason: "must be in (0, 1], got \(strength)")
        }
        if let blur = maskBlur, !(0...64).contains(blur) {
            throw RenderSettingsError.invalidSetting(field: "mask blur", reason: "must be between 0 and 64, got \(blur)")
        }
        guard let hires else { return }
        guard hires.scale > 1, hires.scale <= HiresFix.maximumScale else {
            throw RenderSettingsError.invalidSetting(
                field: "hires scale", reason: "must be above 1 and at most \(HiresFix.maximumScale), got \(hires.scale)")
        }
        guard (0...Self.maximumSteps).contains(hires.steps) else {
            throw RenderSettingsError.invalidSetting(
                field: "hires steps", reason: "must be between 0 (the first pass's) and \(Self.maximumSteps), got \(hires.steps)")
        }
        let target = hires.targetSize(width: width, height: height)
        guard max(target.width, target.height) <= Self.maximumSide else {
            throw RenderSettingsError.invalidSetting(
                field: "hires scale", reason: "\(width)x\(height) × \(hires.scale) is \(target.width)x\(target.height), "
                    + "above the largest side \(Self.maximumSide)")
        }
    }

    /// The strength of the hires fix's second pass (A1111's default 0.7 when unset).
    public var hiresStrength: Double { denoisingStrength ?? HiresFix.defaultStrength }

    /// These settings as Easel renders them: an upscaler it does not have
    /// (`HiresFix.unavailableUpscaler`) gives way to its stand-in, so a rendered PNG records the
    /// upscaler that ran while a loaded one keeps the name it was read with.
    public var asRendered: RenderSettings {
        var copy = self
        copy.hires?.unavailableUpscaler = nil
        return copy
    }
}
