import Comparison
import PromptKit
import RenderSettings

/// A comparison being rendered in the workbench (A1111's X/Y plot): the plan, each cell's
/// settings worked out when it started, and the jobs started so far (cell i is `jobs[i]`).
/// Any edit ends it, as an edit cancels a render.
public struct ComparisonRun: Equatable, Sendable {
    public var plan: ComparisonPlan
    /// Each cell's settings and grid, row by row.
    public var cells: [RenderSettings]
    public var grids: [PromptGrid]
    /// The settings the sheet's infotext records (the base, before any axis).
    public var base: RenderSettings
    public var jobs: [Int] = []

    public init(plan: ComparisonPlan, cells: [RenderSettings], grids: [PromptGrid], base: RenderSettings) {
        self.plan = plan
        self.cells = cells
        self.grids = grids
        self.base = base
    }

    /// The cell whose job runs now (or ran last).
    public var current: Int { max(0, jobs.count - 1) }
    public var isLastCell: Bool { jobs.count == cells.count }

    /// "cell 2 of 6 · CFG Scale: 7, Seed: 1".
    public func progressText(cell index: Int) -> String {
        let cell = plan.cells[index]
        var labels = [plan.x.label(at: cell.column)]
        if let y = plan.y { labels.append(y.label(at: cell.row)) }
        return "cell \(index + 1) of \(cells.count) · " + labels.joined(separator: ", ")
    }
}
