import Imaging

/// The colour classes the prompt-following tests sort pixels into, derived from the demo model's
/// own vocabulary (`tools/demo-model/heldout.json`, written from `vocabulary.py`'s `COLORS`).
///
/// - A pixel is **achromatic** when its HSV value is below `minimumValue` (black) or its
///   saturation is below `minimumSaturation` (white when value > `whiteValue`, else gray).
/// - Otherwise its hue goes to the **nearest chromatic colour's hue** on the colour circle, so
///   each class spans from the midpoint with its left neighbour to the midpoint with its right.
///   With the vocabulary's hues (red 0°, orange 30.7°, yellow 53°, green 124.4°, cyan 186.3°,
///   blue 227.7°, purple 276.8°, pink 326.7°) the sectors are:
///   red 343.4°–15.4°, orange 15.4°–41.9°, yellow 41.9°–88.7°, green 88.7°–155.4°,
///   cyan 155.4°–207°, blue 207°–252.3°, purple 252.3°–301.8°, pink 301.8°–343.4°.
/// - **Brown** is a dark orange: a pixel in the orange sector with value below `brownValue`
///   (the vocabulary's brown, RGB 125 75 35, has value 0.49; its orange, 245 135 20, 0.96; the
///   orange outline the renderer draws at 0.6× brightness has value 0.58).
struct ColorClassifier {
    static let minimumValue = 0.2
    static let minimumSaturation = 0.2
    static let whiteValue = 0.8
    static let brownValue = 0.55

    /// (name, hue in degrees) of the chromatic colours.
    let hues: [(name: String, hue: Double)]

    init(vocabulary: HeldOutSet) {
        hues = vocabulary.colors.filter { $0.value.chromatic }.map { ($0.key, $0.value.hue) }
            .sorted { $0.hue < $1.hue }
    }

    /// The class name of one pixel: a chromatic colour, "brown", "white", "gray" or "black".
    func classify(_ color: RGBColor) -> String {
        let hsv = HSV(color)
        if hsv.value < Self.minimumValue { return "black" }
        if hsv.saturation < Self.minimumSaturation { return hsv.value > Self.whiteValue ? "white" : "gray" }
        let nearest = hues.min { Self.circularDistance($0.hue, hsv.hue) < Self.circularDistance($1.hue, hsv.hue) }!.name
        if nearest == "orange", hsv.value < Self.brownValue { return "brown" }
        return nearest
    }

    /// True for the classes that name a hue (everything but white, gray and black).
    static func isChromatic(_ name: String) -> Bool { !["white", "gray", "black"].contains(name) }

    static func circularDistance(_ a: Double, _ b: Double) -> Double {
        let d = abs(a - b).truncatingRemainder(dividingBy: 360)
        return min(d, 360 - d)
    }
}
