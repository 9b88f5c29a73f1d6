import Imaging

/// xterm's 256-colour palette entries 16–255: a 6×6×6 colour cube (levels 0, 95, 135, 175, 215,
/// 255) and a 24-step grey ramp (8, 18, …, 238). Reference: xterm's `256colres.pl`; tmux `colour.c`.
public enum XTermPalette {
    /// The six levels of the colour cube.
    static let cubeLevels: [UInt8] = [0x00, 0x5F, 0x87, 0xAF, 0xD7, 0xFF]

    /// The colour of palette entry `index` (16–255). Entries 0–15 are the terminal's own
    /// (theme-dependent) colours; their xterm defaults are not assumed, so they return nil.
    public static func color(ofIndex index: UInt8) -> RGBColor? {
        switch index {
        case 16...231:
            let cube = Int(index) - 16
            return RGBColor(red: cubeLevels[cube / 36], green: cubeLevels[cube / 6 % 6], blue: cubeLevels[cube % 6])
        case 232...255:
            let grey = UInt8(8 + 10 * (Int(index) - 232))
            return RGBColor(red: grey, green: grey, blue: grey)
        default:
            return nil
        }
    }

    /// The palette entry (16–255) nearest to `color`: the nearest cube colour or the nearest grey,
    /// whichever is closer in squared RGB distance.
    /// Ported from tmux `colour.c`, `colour_find_rgb` (also its `colour_to_6cube` thresholds).
    public static func nearestIndex(to color: RGBColor) -> UInt8 {
        func toCube(_ value: UInt8) -> Int {
            if value < 48 { return 0 }
            if value < 114 { return 1 }
            return (Int(value) - 35) / 40
        }
        let r = Int(color.red), g = Int(color.green), b = Int(color.blue)
        let qr = toCube(color.red), qg = toCube(color.green), qb = toCube(color.blue)
        let cubeIndex = 16 + 36 * qr + 6 * qg + qb
        let cr = Int(cubeLevels[qr]), cg = Int(cubeLevels[qg]), cb = Int(cubeLevels[qb])
        if cr == r && cg == g && cb == b { return UInt8(cubeIndex) }

        let average = (r + g + b) / 3
        let greyStep = average > 238 ? 23 : (average - 3) / 10   // C division: truncates toward zero
        let grey = 8 + 10 * greyStep
        func distance(_ x: Int, _ y: Int, _ z: Int) -> Int { (x - r) * (x - r) + (y - g) * (y - g) + (z - b) * (z - b) }
        return distance(grey, grey, grey) < distance(cr, cg, cb) ? UInt8(232 + greyStep) : UInt8(cubeIndex)
    }
}
