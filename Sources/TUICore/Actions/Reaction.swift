/// What an action did: which parts of the screen to draw again, and what to do outside the state.
/// (The redraw flags follow htop's `Htop_Reaction`.)
public struct Reaction: Equatable, Sendable {
    public var redraw: Redraw
    public var effects: [Effect]

    public init(redraw: Redraw = [], effects: [Effect] = []) {
        self.redraw = redraw
        self.effects = effects
    }

    public static let none = Reaction()

    public mutating func merge(_ other: Reaction) {
        redraw.formUnion(other.redraw)
        effects += other.effects
    }
}

/// Parts of the screen that changed.
public struct Redraw: OptionSet, Equatable, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let grid = Redraw(rawValue: 1 << 0)
    public static let parameters = Redraw(rawValue: 1 << 1)
    public static let prompt = Redraw(rawValue: 1 << 2)
    /// The preview image changed (a sixel image must be sent again).
    public static let preview = Redraw(rawValue: 1 << 3)
    public static let status = Redraw(rawValue: 1 << 4)
    public static let hint = Redraw(rawValue: 1 << 5)
    public static let overlay = Redraw(rawValue: 1 << 6)
    /// Sizes or the set of panes changed: clear and draw everything.
    public static let layout = Redraw(rawValue: 1 << 7)

    public static let all: Redraw = [.grid, .parameters, .prompt, .preview, .status, .hint, .overlay, .layout]
    /// A document change: the editors, the prompt view and the status line.
    public static let document: Redraw = [.grid, .parameters, .prompt, .status]
}
