import Imaging

/// One character cell of a terminal picture: a glyph drawn in `foreground` on `background`.
public struct TerminalCell: Hashable, Sendable {
    /// The glyph (a block element such as `▀` for half-block art).
    public var character: Character
    /// Colour of the glyph's ink.
    public var foreground: RGBColor
    /// Colour of the rest of the cell.
    public var background: RGBColor
    /// In ``CellColorMode/indexed256``: the xterm palette index of `foreground` (16–255); nil in truecolor.
    public var foregroundIndex: UInt8?
    /// In ``CellColorMode/indexed256``: the xterm palette index of `background` (16–255); nil in truecolor.
    public var backgroundIndex: UInt8?

    public init(character: Character, foreground: RGBColor, background: RGBColor,
                foregroundIndex: UInt8? = nil, backgroundIndex: UInt8? = nil) {
        self.character = character
        self.foreground = foreground
        self.background = background
        self.foregroundIndex = foregroundIndex
        self.backgroundIndex = backgroundIndex
    }
}
