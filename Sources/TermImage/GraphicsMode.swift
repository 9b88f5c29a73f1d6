/// How the preview pane draws images.
public enum GraphicsMode: String, CaseIterable, Sendable {
    /// Real pixels with DEC sixel graphics (``SixelEncoder``).
    case sixel
    /// Unicode block symbols in coloured cells (``CellRenderer``).
    case symbols
    /// No image at all.
    case none
}

/// What the user asked for with `--graphics auto|symbols|sixel|none`.
public enum GraphicsPreference: String, CaseIterable, Sendable {
    /// Detect from the terminal's replies and environment (``GraphicsModeDetector``).
    case auto
    case symbols
    case sixel
    case none
}
