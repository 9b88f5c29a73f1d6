import Foundation

/// The img2img, inpainting and hires-fix keys of A1111 infotext.
///
/// A1111 `modules/processing.py`: `create_infotext` writes "Denoising strength" among its
/// own keys (after "Model"); `StableDiffusionProcessingImg2Img.init` adds "Mask blur" and
/// `StableDiffusionProcessingTxt2Img.init` adds "Hires upscale", "Hires steps" (only when set)
/// and "Hires upscaler" to `extra_generation_params`, which follow "RNG". "Model sampling"
/// is Easel's own key (ComfyUI's ModelSamplingDiscrete node has no infotext), written only
/// when it is not the ordinary `discrete`.
extension Infotext {
    static func imageToImageFields(_ settings: RenderSettings) -> [(String, String)] {
        var fields: [(String, String)] = []
        if let blur = settings.maskBlur { fields.append(("Mask blur", String(blur))) }
        if let hires = settings.hires {
            fields.append(("Hires upscale", formatNumber(hires.scale)))
            if hires.steps > 0 { fields.append(("Hires steps", String(hires.steps))) }
            fields.append(("Hires upscaler", hires.unavailableUpscaler ?? hires.upscaler.displayName))
        }
        if settings.modelSampling != .discrete { fields.append(("Model sampling", settings.modelSampling.rawValue)) }
        return fields
    }

    static func applyImageToImage(_ field: InfotextField, to settings: inout RenderSettings) throws {
        let value = field.value.trimmingCharacters(in: .whitespaces)
        switch field.key {
        case "Denoising strength":
            guard let strength = Double(value), strength.isFinite else {
                throw RenderSettingsError.invalidInfotextValue(key: field.key, value: field.value, expected: "a number")
            }
            settings.denoisingStrength = strength
        case "Mask blur": settings.maskBlur = try integer(field, "a whole number")
        case "Hires upscale":
            guard let scale = Double(value), scale.isFinite else {
                throw RenderSettingsError.invalidInfotextValue(key: field.key, value: field.value, expected: "a number")
            }
            var hires = settings.hires ?? HiresFix(scale: scale)
            hires.scale = scale
            settings.hires = hires
        case "Hires steps":
            var hires = settings.hires ?? HiresFix(scale: 2)
            hires.steps = try integer(field, "a whole number")
            settings.hires = hires
        case "Hires upscaler":
            // An upscaler Easel does not have loads with its stand-in and a note (`HiresFix.note`).
            var hires = settings.hires ?? HiresFix(scale: 2)
            hires.upscaler = HiresUpscaler.named(value) ?? HiresUpscaler.standIn(for: value)
            hires.unavailableUpscaler = HiresUpscaler.named(value) == nil ? value : nil
            settings.hires = hires
        default:
            guard let sampling = ModelSampling.named(value) else {
                throw RenderSettingsError.invalidInfotextValue(
                    key: field.key, value: field.value,
                    expected: ModelSampling.allCases.map(\.rawValue).joined(separator: " or "))
            }
            settings.modelSampling = sampling
        }
    }
}
