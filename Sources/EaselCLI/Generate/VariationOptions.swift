import ArgumentParser
import Foundation
import RenderSettings

/// `easel generate`'s variation-seed flags (A1111's "Variation seed", "Variation strength",
/// "Resize seed from width/height").
struct VariationOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Variation seed (A1111 'Variation seed'); -1 picks a random one. Image i of a batch uses subseed+i and the same seed.")
    var subseed: String?
    @Option(name: .customLong("subseed-strength"), parsing: .unconditional, help: "Variation strength in [0, 1]: 0 is the seed's noise, 1 the variation seed's (spherical blend, as A1111).")
    var subseedStrength: String?
    @Option(name: .customLong("seed-resize-from"), help: "WIDTHxHEIGHT: draw the seed's noise at this size, centred in the real one (A1111 'Resize seed from').")
    var seedResizeFrom: String?

    /// Applies the flags; a strength outside [0, 1] or a malformed size is a one-line error.
    /// `--subseed-strength` alone picks a random variation seed (A1111's `subseed = -1`).
    func apply(to settings: inout RenderSettings) throws {
        if let subseed {
            do { settings.variation.seed = try SeedArgument.parse(subseed) } catch {
                throw CLIError("subseed: expected an integer from 0 to 18446744073709551615 or -1, got '\(subseed)'")
            }
        }
        if let subseedStrength {
            guard let strength = Double(subseedStrength.trimmingCharacters(in: .whitespaces)), strength.isFinite,
                  (0...1).contains(strength) else {
                throw CLIError("subseed-strength: expected a number from 0 to 1, got '\(subseedStrength)'")
            }
            settings.variation.strength = strength
            if subseed == nil, strength != 0 { settings.variation.seed = try SeedArgument.parse("-1") }
        }
        if let seedResizeFrom {
            let sides = seedResizeFrom.lowercased().split(separator: "x", omittingEmptySubsequences: false).map { Int($0) }
            guard sides.count == 2, let w = sides[0], let h = sides[1], (8...RenderSettings.maximumSide).contains(w),
                  (8...RenderSettings.maximumSide).contains(h) else {
                throw CLIError("seed-resize-from: expected WIDTHxHEIGHT, each 8 to \(RenderSettings.maximumSide), got '\(seedResizeFrom)'")
            }
            settings.seedResizeFrom = SeedResize(width: w, height: h)
        }
    }
}
