/// A1111's hires fix (`StableDiffusionProcessingTxt2Img` with `enable_hr`): after the first
/// pass, upscale by `scale` and run a second img2img pass at `RenderSettings.denoisingStrength`.
public struct HiresFix: Equatable, Sendable, Codable {
    /// A1111 "Hires upscale": the factor (> 1) applied to width and height.
    public var scale: Double
    /// A1111 "Hires steps": the second pass's steps; 0 means the first pass's.
    public var steps: Int
    /// A1111 "Hires upscaler".
    public var upscaler: HiresUpscaler
    /// An A1111 upscaler Easel does not have (an ESRGAN or SwinIR model such as "R-ESRGAN 4x+"
    /// or "4x-UltraSharp", or a latent mode such as "Latent (bicubic)"), as a PNG's infotext
    /// named it. The pass upscales with `upscaler` instead (`HiresUpscaler.standIn`), `note`
    /// says so in one line, and the infotext writes the name back as it was read.
    public var unavailableUpscaler: String?

    public init(scale: Double, steps: Int = 0, upscaler: HiresUpscaler = .latent) {
        self.scale = scale
        self.steps = steps
        self.upscaler = upscaler
    }

    /// The one-line "not applied" note for an `unavailableUpscaler`, nil without one.
    public var note: String? {
        unavailableUpscaler.map { name in
            "hires upscaler '\(name)' not applied (Easel has "
                + HiresUpscaler.allCases.map(\.displayName).joined(separator: ", ") + "); upscaling with \(upscaler.displayName)"
        }
    }

    /// The largest factor accepted (A1111's slider goes to 4).
    public static let maximumScale = 4.0
    /// A1111's default second-pass strength (`denoising_strength` 0.7).
    public static let defaultStrength = 0.7

    /// The second pass's size: A1111 `hr_upscale_to_x = int(width·scale)`, rounded down to
    /// the latent grid (the latent upscale goes to `int(width·scale) // 8` cells).
    public func targetSize(width: Int, height: Int) -> (width: Int, height: Int) {
        (Int(Double(width) * scale) / 8 * 8, Int(Double(height) * scale) / 8 * 8)
    }

    /// The second pass's steps for a first pass of `firstPassSteps`.
    public func secondPassSteps(firstPassSteps: Int) -> Int { steps > 0 ? steps : firstPassSteps }
}

/// How the hires fix enlarges the first pass. Names are A1111's (`shared.latent_upscale_modes`
/// and its "Lanczos" upscaler).
public enum HiresUpscaler: String, CaseIterable, Codable, Sendable {
    /// `F.interpolate(latent, mode="bilinear", antialias=False)` (A1111 "Latent").
    case latent
    /// `F.interpolate(latent, mode="nearest-exact")` (A1111 "Latent (nearest-exact)").
    case latentNearestExact = "nearest-exact"
    /// Decode, Pillow Lanczos resize, encode again (A1111 "Lanczos").
    case lanczos

    /// A1111's infotext name.
    public var displayName: String {
        switch self {
        case .latent: return "Latent"
        case .latentNearestExact: return "Latent (nearest-exact)"
        case .lanczos: return "Lanczos"
        }
    }

    /// The upscaler a CLI id or an A1111 name means (ignoring case), or nil.
    public static func named(_ name: String) -> HiresUpscaler? {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        return allCases.first { $0.rawValue == wanted || $0.displayName.lowercased() == wanted }
    }

    /// What stands in for an A1111 upscaler Easel does not have: bilinear `latent` for A1111's
    /// other latent modes (every key of A1111 `shared.latent_upscale_modes` starts "Latent"),
    /// else `lanczos`, since A1111's other upscalers work on the decoded picture (A1111
    /// `modules/processing.py` `sample_hr_pass`: decode, `images.resize_image` with the
    /// upscaler, encode), as Easel's Lanczos does.
    public static func standIn(for name: String) -> HiresUpscaler {
        name.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("latent") ? .latent : .lanczos
    }
}
