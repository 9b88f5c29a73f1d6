import Foundation
import PromptKit

/// Width:height ratios offered by the aspect picker. Choosing one takes the family's trained
/// size at that ratio when it has size buckets (SDXL and Pony: 832×1216 for 2:3), else keeps the
/// family's native pixel area (512×512 for SD 1.5) and rounds both sides to multiples of 8 (the
/// latent grid: SD's VAE downsamples by 8), which keeps the ratio within 1%.
public struct AspectPreset: Equatable, Sendable {
    public var label: String
    public var width: Int
    public var height: Int

    public static let all: [AspectPreset] = [
        AspectPreset(label: "1:1 square", width: 1, height: 1),
        AspectPreset(label: "2:3 portrait", width: 2, height: 3),
        AspectPreset(label: "3:2 landscape", width: 3, height: 2),
        AspectPreset(label: "3:4 portrait", width: 3, height: 4),
        AspectPreset(label: "4:3 landscape", width: 4, height: 3),
        AspectPreset(label: "9:16 tall", width: 9, height: 16),
        AspectPreset(label: "16:9 wide", width: 16, height: 9),
    ]

    /// This ratio's size for `profile`'s family.
    public func size(for profile: ModelProfile) -> (width: Int, height: Int) {
        Self.size(ratio: Double(width) / Double(height), for: profile)
    }

    /// The size for `profile` nearest to `ratio` (width / height): the bucket whose ratio is
    /// closest on a log scale, or the native area at that ratio.
    public static func size(ratio: Double, for profile: ModelProfile) -> (width: Int, height: Int) {
        func distance(_ size: PixelSize) -> Double { abs(log(Double(size.width) / Double(size.height) / ratio)) }
        if let bucket = profile.sizeBuckets.min(by: { distance($0) < distance($1) }) {
            return (bucket.width, bucket.height)
        }
        return size(ratio: ratio, area: profile.defaultWidth * profile.defaultHeight)
    }

    /// Sides with this ratio and about `area` pixels, each a multiple of 8 (at least 64).
    public func size(area: Int) -> (width: Int, height: Int) {
        Self.size(ratio: Double(width) / Double(height), area: area)
    }

    static func size(ratio: Double, area: Int) -> (width: Int, height: Int) {
        let w = (Double(area) * ratio).squareRoot()
        func round8(_ v: Double) -> Int { max(64, Int((v / 8).rounded()) * 8) }
        return (round8(w), round8(w / ratio))
    }

    /// The preset whose ratio is within 4% of width:height, if any (SDXL's 896×1152 bucket is
    /// 3.7% from 3:4).
    public static func matching(width: Int, height: Int) -> AspectPreset? {
        guard width > 0, height > 0 else { return nil }
        let ratio = Double(width) / Double(height)
        return all.first { abs(Double($0.width) / Double($0.height) / ratio - 1) < 0.04 }
    }

    /// "3:2" for a matching preset, otherwise the reduced ratio such as "5:4" or "custom".
    public static func describe(width: Int, height: Int) -> String {
        if let preset = matching(width: width, height: height) {
            return String(preset.label.split(separator: " ")[0])
        }
        var a = width, b = height
        while b != 0 { (a, b) = (b, a % b) }
        let g = max(a, 1)
        let (w, h) = (width / g, height / g)
        return w <= 32 && h <= 32 ? "\(w):\(h)" : "custom"
    }
}
