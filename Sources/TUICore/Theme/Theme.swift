import Foundation

/// A named mapping from semantic roles to styles, read from `themes/NAME.json`:
///
/// ```json
/// { "name": "dark",
///   "roles": { "text": { "fg": "#c8c8c8" },
///              "selection": { "fg": "#101010", "bg": "#5fafff", "bold": true } } }
/// ```
/// Style keys: `fg`, `bg` (see `ThemeColor`), and the booleans `bold`, `dim`, `italic`,
/// `underline`, `reverse`. Roles a theme leaves out use `Theme.fallbackStyle(for:)`.
public struct Theme: Equatable, Sendable {
    public var name: String
    public var styles: [ThemeRole: ThemeStyle]

    public init(name: String, styles: [ThemeRole: ThemeStyle]) {
        self.name = name
        self.styles = styles
    }

    public func style(for role: ThemeRole) -> ThemeStyle {
        styles[role] ?? Theme.fallbackStyle(for: role)
    }

    /// The same theme with every colour removed (`NO_COLOR`): only attributes remain, and roles
    /// whose meaning was carried by colour alone get the monochrome attributes instead.
    public var withoutColour: Theme {
        var out = Theme(name: name + " (no colour)", styles: [:])
        for role in ThemeRole.allCases {
            let s = style(for: role).withoutColour
            let plain = s.bold || s.dim || s.italic || s.underline || s.reverse
            out.styles[role] = plain ? s : Theme.fallbackStyle(for: role)
        }
        return out
    }

    /// Attribute-only styles that keep every role distinguishable without colour; used for roles
    /// a theme omits and as the built-in theme when no theme file can be found.
    public static func fallbackStyle(for role: ThemeRole) -> ThemeStyle {
        switch role {
        case .text, .value, .label, .hintText, .overlay, .overlayBorder, .border, .statusBar:
            return ThemeStyle()
        case .dim, .placeholder, .sliderTrack, .progressTrack: return ThemeStyle(dim: true)
        case .title, .hintKey, .success: return ThemeStyle(bold: true)
        case .titleFocused, .borderFocused, .warning: return ThemeStyle(bold: true, underline: role == .warning)
        case .selection, .progressFill, .cursor: return ThemeStyle(reverse: true)
        // Not reverse video: a reversed ━ is a solid white block in xterm.
        case .sliderFill: return ThemeStyle(bold: true)
        case .placeholderSelected: return ThemeStyle(dim: true, underline: true)
        case .editing: return ThemeStyle(underline: true)
        case .error: return ThemeStyle(bold: true, reverse: true)
        case .sliderRecommended: return ThemeStyle(bold: true)
        }
    }

    /// The attribute-only theme built into the binary.
    public static let builtInMonochrome = Theme(name: "monochrome", styles: [:])

    /// Parses a theme file's JSON. Errors name `path` and the offending key.
    public static func parse(_ data: Data, path: String) throws -> Theme {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ThemeError.badFile(path: path, reason: "not valid JSON (\(error.localizedDescription))")
        }
        guard let root = object as? [String: Any] else {
            throw ThemeError.badFile(path: path, reason: "the top level must be an object")
        }
        let fileName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let name = root["name"] as? String ?? fileName
        guard let roles = root["roles"] as? [String: Any] else {
            throw ThemeError.badFile(path: path, reason: "missing object \"roles\"")
        }
        var styles: [ThemeRole: ThemeStyle] = [:]
        for (key, value) in roles {
            guard let role = ThemeRole(rawValue: key) else {
                let known = ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")
                throw ThemeError.badFile(path: path, reason: "unknown role \"\(key)\" (known: \(known))")
            }
            guard let fields = value as? [String: Any] else {
                throw ThemeError.badFile(path: path, reason: "roles.\(key) must be an object")
            }
            styles[role] = try parseStyle(fields, at: "roles.\(key)", path: path)
        }
        return Theme(name: name, styles: styles)
    }

    private static func parseStyle(_ fields: [String: Any], at where_: String, path: String) throws -> ThemeStyle {
        var style = ThemeStyle()
        for (key, value) in fields {
            switch key {
            case "fg", "bg":
                guard let text = value as? String ?? (value as? Int).map(String.init) else {
                    throw ThemeError.badFile(path: path, reason: "\(where_).\(key) must be a string or 0-255")
                }
                do {
                    let colour = try ThemeColor(parsing: text)
                    if key == "fg" { style.foreground = colour } else { style.background = colour }
                } catch let error as ThemeError {
                    throw ThemeError.badFile(path: path, reason: "\(where_).\(key): \(error)")
                }
            case "bold", "dim", "italic", "underline", "reverse":
                guard let flag = value as? Bool else {
                    throw ThemeError.badFile(path: path, reason: "\(where_).\(key) must be true or false")
                }
                switch key {
                case "bold": style.bold = flag
                case "dim": style.dim = flag
                case "italic": style.italic = flag
                case "underline": style.underline = flag
                default: style.reverse = flag
                }
            default:
                throw ThemeError.badFile(path: path, reason: "\(where_): unknown key \"\(key)\" (fg, bg, bold, dim, italic, underline, reverse)")
            }
        }
        return style
    }
}
