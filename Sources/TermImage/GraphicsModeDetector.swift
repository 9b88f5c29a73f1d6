import Foundation

/// Picks the ``GraphicsMode`` for a ``GraphicsPreference``.
///
/// For `auto`: a `TERM` of `dumb` (or none) gets `none`; a terminal whose DA1 reply lists
/// attribute 4 gets `sixel`; a terminal that replied without it gets `symbols`. When nothing
/// replied, `$TERM` / `$TERM_PROGRAM` decide: terminals known to draw sixels by default (mlterm,
/// foot, WezTerm, contour, yaft, iTerm2) get `sixel`, everything else `symbols` — including
/// plain `xterm`, which only draws sixels when started as a VT340 and then says so in DA1.
public enum GraphicsModeDetector {
    /// `$TERM` prefixes of terminals that draw sixels out of the box.
    public static let sixelTerms = ["mlterm", "foot", "wezterm", "contour", "yaft"]
    /// `$TERM_PROGRAM` values of terminals that draw sixels out of the box.
    public static let sixelTermPrograms = ["mlterm", "WezTerm", "contour", "iTerm.app"]

    /// The mode for `preference`, given the terminal's replies (nil when it did not answer) and
    /// the environment. Explicit preferences are returned as they are.
    public static func choose(_ preference: GraphicsPreference, replies: TerminalReplies?,
                              environment: [String: String]) -> GraphicsMode {
        switch preference {
        case .symbols: return .symbols
        case .sixel: return .sixel
        case .none: return .none
        case .auto: break
        }
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { return .none }
        if let replies, replies.deviceAttributes != nil {
            return replies.supportsSixel ? .sixel : .symbols
        }
        if sixelTerms.contains(where: { term.hasPrefix($0) }) { return .sixel }
        if let program = environment["TERM_PROGRAM"], sixelTermPrograms.contains(program) { return .sixel }
        return .symbols
    }

    /// ``choose(_:replies:environment:)`` with a live ``TerminalProbe`` (only for `auto`, and not
    /// for a dumb terminal). Call it before curses starts.
    public static func detect(_ preference: GraphicsPreference,
                              environment: [String: String] = ProcessInfo.processInfo.environment) -> GraphicsMode {
        guard preference == .auto, let term = environment["TERM"], !term.isEmpty, term != "dumb" else {
            return choose(preference, replies: nil, environment: environment)
        }
        return choose(preference, replies: TerminalProbe.query(), environment: environment)
    }
}

extension CellColorMode {
    /// 24-bit colour when `$COLORTERM` is `truecolor` or `24bit` (the convention terminals use to
    /// announce it), otherwise the 256-colour palette.
    public static func preferred(environment: [String: String] = ProcessInfo.processInfo.environment) -> CellColorMode {
        switch environment["COLORTERM"]?.lowercased() {
        case "truecolor", "24bit": return .truecolor
        default: return .indexed256
        }
    }
}
