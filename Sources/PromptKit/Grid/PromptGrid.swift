/// A structured prompt, after the prompt guide's table: one row per aspect of the picture,
/// each with a value and a qualifier, e.g. `who` = "model" | "albino, big grey eyes".
///
/// Editing is a plain value change (`grid.who.qualifier = "…"`, `grid[.mood] = …`). Rows
/// left empty vanish from every dialect's output.
public struct PromptGrid: Equatable, Sendable {
    /// One row: a value and an optional qualifier refining it, plus an optional emphasis
    /// weight that tag dialects write as A1111 `(… :weight)`.
    public struct Row: Equatable, Sendable {
        public var value: String
        public var qualifier: String
        /// `nil` (or 1) means no emphasis.
        public var weight: Double?

        public init(_ value: String = "", _ qualifier: String = "", weight: Double? = nil) {
            self.value = value
            self.qualifier = qualifier
            self.weight = weight
        }

        /// True when both value and qualifier are blank.
        public var isEmpty: Bool { value.isBlank && qualifier.isBlank }
    }

    /// The rows, in the order every dialect reads them. `rawValue` is the key in grid files.
    public enum Field: String, CaseIterable, Sendable {
        case what, who, doing
        case location = "where"
        case wearing, light, mood
        /// Time period or era ("Victorian era"); Midjourney's "Time Period:" section.
        case period
        case composition, medium
        case style

        /// The label shown to people: the guide's row name.
        public var label: String { self == .style ? "style reference" : rawValue }
    }

    public var what = Row()
    public var who = Row()
    public var doing = Row()
    public var location = Row()
    public var wearing = Row()
    public var light = Row()
    public var mood = Row()
    public var period = Row()
    public var composition = Row()
    public var medium = Row()
    public var style = Row()
    /// Free tags added after the rows.
    public var extraTags: [String] = []
    /// What to keep out of the picture (in the families that support it).
    public var negative: String = ""
    /// The model family whose dialect renders this grid by default.
    public var family: ModelFamily = .sd15

    public init(family: ModelFamily = .sd15) {
        self.family = family
    }

    public subscript(field: Field) -> Row {
        get {
            switch field {
            case .what: return what
            case .who: return who
            case .doing: return doing
            case .location: return location
            case .wearing: return wearing
            case .light: return light
            case .mood: return mood
            case .period: return period
            case .composition: return composition
            case .medium: return medium
            case .style: return style
            }
        }
        set {
            switch field {
            case .what: what = newValue
            case .who: who = newValue
            case .doing: doing = newValue
            case .location: location = newValue
            case .wearing: wearing = newValue
            case .light: light = newValue
            case .mood: mood = newValue
            case .period: period = newValue
            case .composition: composition = newValue
            case .medium: medium = newValue
            case .style: style = newValue
            }
        }
    }

    /// The rows that are not empty, in table order.
    public var filledRows: [(field: Field, row: Row)] {
        Field.allCases.map { ($0, self[$0]) }.filter { !$0.1.isEmpty }
    }
}

extension String {
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
