import Foundation
import PromptKit

/// A line of the grid editor: one of the grid's rows (value and qualifier), the free extra tags,
/// or the negative prompt.
public enum GridLine: Equatable, Hashable, Sendable {
    case row(PromptGrid.Field)
    case extraTags
    case negative

    /// Every line in screen order.
    public static let all: [GridLine] = PromptGrid.Field.allCases.map(GridLine.row) + [.extraTags, .negative]

    public var label: String {
        switch self {
        case .row(let field): return field.label
        case .extraTags: return "extra tags"
        case .negative: return "negative"
        }
    }

    /// Whether the line has a qualifier column.
    public var hasQualifier: Bool {
        if case .row = self { return true }
        return false
    }
}

/// The column of a grid line.
public enum GridColumn: Equatable, Hashable, Sendable { case value, qualifier }

/// One editable text of the grid.
public struct GridCell: Equatable, Hashable, Sendable {
    public var line: GridLine
    public var column: GridColumn

    public init(_ line: GridLine, _ column: GridColumn = .value) {
        self.line = line
        self.column = line.hasQualifier ? column : .value
    }
}

extension PromptGrid {
    /// The text of a cell. Extra tags show as one comma-separated line.
    public func text(at cell: GridCell) -> String {
        switch cell.line {
        case .row(let field): return cell.column == .value ? self[field].value : self[field].qualifier
        case .extraTags: return extraTags.joined(separator: ", ")
        case .negative: return negative
        }
    }

    /// Sets the text of a cell. Extra tags are split at commas, blanks dropped.
    public mutating func setText(_ text: String, at cell: GridCell) {
        switch cell.line {
        case .row(let field):
            if cell.column == .value { self[field].value = text } else { self[field].qualifier = text }
        case .extraTags:
            extraTags = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        case .negative:
            negative = text
        }
    }
}
