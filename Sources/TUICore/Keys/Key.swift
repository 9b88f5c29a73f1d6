/// A key press as the workbench sees it, independent of curses key codes.
public struct Key: Hashable, Sendable {
    public enum Code: Hashable, Sendable {
        case character(Character)
        case up, down, left, right, home, end, pageUp, pageDown
        case backspace, delete, insert, enter, tab, escape
        case function(Int)
    }

    public struct Modifiers: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let shift = Modifiers(rawValue: 1)
        public static let alt = Modifiers(rawValue: 2)
        public static let control = Modifiers(rawValue: 4)
    }

    public var code: Code
    public var modifiers: Modifiers

    public init(_ code: Code, _ modifiers: Modifiers = []) {
        self.code = code
        self.modifiers = modifiers
    }

    /// A plain character key such as `q`, or an upper-case letter as typed with shift.
    public static func char(_ c: Character) -> Key { Key(.character(c)) }
    /// Ctrl plus a letter, e.g. `.ctrl("w")`.
    public static func ctrl(_ c: Character) -> Key { Key(.character(c), .control) }
    /// Alt (Meta) plus a character, e.g. `.alt("d")`.
    public static func alt(_ c: Character) -> Key { Key(.character(c), .alt) }

    public static let up = Key(.up), down = Key(.down), left = Key(.left), right = Key(.right)
    public static let home = Key(.home), end = Key(.end), pageUp = Key(.pageUp), pageDown = Key(.pageDown)
    public static let backspace = Key(.backspace), delete = Key(.delete), enter = Key(.enter)
    public static let tab = Key(.tab), backTab = Key(.tab, .shift), escape = Key(.escape)
    public static func f(_ n: Int) -> Key { Key(.function(n)) }

    /// The text a printable key types, or nil for commands (modified keys, arrows, …).
    public var typedCharacter: Character? {
        guard modifiers.isSubset(of: .shift), case .character(let c) = code else { return nil }
        return c
    }

    /// How the help screen and hint line spell the key: `Ctrl-W`, `Shift-←`, `F1`, `q`.
    public var label: String {
        var parts: [String] = []
        if modifiers.contains(.control) { parts.append("Ctrl") }
        if modifiers.contains(.alt) { parts.append("Alt") }
        if modifiers.contains(.shift) && code != .tab { parts.append("Shift") }
        parts.append(codeLabel)
        return parts.joined(separator: "-")
    }

    private var codeLabel: String {
        switch code {
        case .character(" "): return "Space"
        case .character(let c): return modifiers.contains(.control) ? c.uppercased() : String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .enter: return "Enter"
        case .tab: return modifiers.contains(.shift) ? "Shift-Tab" : "Tab"
        case .escape: return "Esc"
        case .function(let n): return "F\(n)"
        }
    }
}
