import Foundation

/// A1111's variation seed (`subseed`, `subseed_strength`): the first noise is a spherical
/// blend of the seed's noise and the variation seed's, `strength` of the way towards the
/// latter. Strength 0 is off (A1111 draws no variation noise and writes no infotext keys).
///
/// A1111 `modules/processing.py` `create_infotext`: "Variation seed" and "Variation seed
/// strength" are written only when `subseed_strength != 0`.
public struct VariationSeed: Equatable, Sendable, Codable {
    /// A1111 "Variation seed" (`subseed`).
    public var seed: UInt64
    /// A1111 "Variation seed strength" (`subseed_strength`), in [0, 1].
    public var strength: Double

    public init(seed: UInt64 = 0, strength: Double = 0) {
        self.seed = seed
        self.strength = strength
    }

    /// No variation: strength 0.
    public static let off = VariationSeed()

    /// Whether the variation noise is drawn at all (A1111 `subseed_strength != 0`).
    public var isActive: Bool { strength != 0 }
}

/// A1111's "Resize seed from width/height" (`seed_resize_from_w`, `seed_resize_from_h`): the
/// seed's noise is drawn at this size and pasted, centred, into the noise of the real size,
/// so a seed keeps its composition across sizes. Infotext "Seed resize from: WxH".
public struct SeedResize: Equatable, Sendable, Codable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

extension RenderSettings {
    /// Image `index` of a batch: its seed and its variation seed. A1111 `processing.py`
    /// `process_images_inner`: `all_seeds = [seed + (x if subseed_strength == 0 else 0)]`,
    /// `all_subseeds = [subseed + x]` — with a variation every image keeps the seed and the
    /// variation seed counts up.
    public func seeds(ofImage index: Int) -> (seed: UInt64, variationSeed: UInt64) {
        let step = UInt64(max(index, 0))
        return (variation.isActive ? seed : seed &+ step, variation.seed &+ step)
    }

    /// Checks the variation strength (in [0, 1]) and the seed-resize size (each side 8…`maximumSide`).
    func validateVariation() throws {
        let strength = variation.strength
        guard strength.isFinite, strength >= 0, strength <= 1 else {
            throw RenderSettingsError.invalidSetting(field: "variation strength", reason: "must be between 0 and 1, got \(strength)")
        }
        guard let resize = seedResizeFrom else { return }
        for (field, side) in [("seed resize width", resize.width), ("seed resize height", resize.height)] {
            guard (8...Self.maximumSide).contains(side) else {
                throw RenderSettingsError.invalidSetting(field: field, reason: "must be between 8 and \(Self.maximumSide), got \(side)")
            }
        }
    }
}
