import Imaging

/// Hue (degrees, 0 ≤ h < 360), saturation and value (0…1) of an sRGB byte triple.
///
/// Reference: Python's `colorsys.rgb_to_hsv` (CPython `Lib/colorsys.py`), the conversion
/// `tools/demo-model/make_heldout.py` used for the hues stored in `heldout.json`.
struct HSV: Equatable {
    var hue: Double
    var saturation: Double
    var value: Double

    init(_ color: RGBColor) {
        let r = Double(color.red) / 255, g = Double(color.green) / 255, b = Double(color.blue) / 255
        let maxc = max(r, g, b), minc = min(r, g, b)
        value = maxc
        guard maxc > minc else {
            hue = 0
            saturation = 0
            return
        }
        let range = maxc - minc
        saturation = range / maxc
        let rc = (maxc - r) / range, gc = (maxc - g) / range, bc = (maxc - b) / range
        let h: Double
        if r == maxc { h = bc - gc } else if g == maxc { h = 2 + rc - bc } else { h = 4 + gc - rc }
        let turns = (h / 6).truncatingRemainder(dividingBy: 1)
        hue = (turns < 0 ? turns + 1 : turns) * 360
    }
}
