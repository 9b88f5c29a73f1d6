import Foundation

/// The variation-seed keys of A1111 infotext.
///
/// A1111 `modules/processing.py` `create_infotext` writes "Variation seed" and "Variation seed
/// strength" (only when `subseed_strength != 0`) and "Seed resize from: WxH" (only when both
/// sides are > 0; versions before 1.6 tested `== 0`, so `-1x-1` appears in old files and
/// reads as off) after "Model"/"VAE" and before "Denoising strength".
extension Infotext {
    static let variationKeys: Set<String> = ["Variation seed", "Variation seed strength", "Seed resize from"]

    static func variationFields(_ settings: RenderSettings) -> [(String, String)] {
        var fields: [(String, String)] = []
        if settings.variation.isActive {
            fields.append(("Variation seed", String(settings.variation.seed)))
            fields.append(("Variation seed strength", formatNumber(settings.variation.strength)))
        }
        if let resize = settings.seedResizeFrom { fields.append(("Seed resize from", "\(resize.width)x\(resize.height)")) }
        return fields
    }

    static func applyVariation(_ field: InfotextField, to settings: inout RenderSettings) throws {
        let value = field.value.trimmingCharacters(in: .whitespaces)
        switch field.key {
        case "Variation seed":
            guard let seed = UInt64(value) else {
                throw RenderSettingsError.invalidInfotextValue(key: field.key, value: field.value, expected: "a whole number ≥ 0")
            }
            settings.variation.seed = seed
        case "Variation seed strength":
            guard let strength = Double(value), strength.isFinite else {
                throw RenderSettingsError.invalidInfotextValue(key: field.key, value: field.value, expected: "a number")
            }
            settings.variation.strength = strength
        default:
            let sides = value.split(separator: "x", omittingEmptySubsequences: false).map { Int($0) }
            guard sides.count == 2, let w = sides[0], let h = sides[1] else {
                throw RenderSettingsError.invalidInfotextValue(key: field.key, value: field.value, expected: "WIDTHxHEIGHT")
            }
            settings.seedResizeFrom = w > 0 && h > 0 ? SeedResize(width: w, height: h) : nil
        }
    }
}
