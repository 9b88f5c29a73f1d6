import Foundation
import PromptKit
import RenderSettings
import UntrustedText

/// A1111's X/Y plot as a value: one or two axes (X across, Y down) and the cells they make.
/// Cells are numbered row by row, `column + row · columns` (xyz_grid.py `draw_xyz_grid`,
/// `index`), and rendered in that order. Nothing here knows an engine: a cell is a change to
/// the base settings (and, for grid-row axes, to the base prompt grid).
public struct ComparisonPlan: Equatable, Sendable {
    /// The most cells one plan may have.
    public static let maximumCells = 256

    public var x: ComparisonAxis
    public var y: ComparisonAxis?

    public init(x: ComparisonAxis, y: ComparisonAxis? = nil) throws {
        if let y, y.parameter == x.parameter { throw ComparisonError.duplicateAxis(x.parameter.label) }
        let count = x.values.count * (y?.values.count ?? 1)
        guard count <= Self.maximumCells else { throw ComparisonError.tooManyCells(count) }
        self.x = x
        self.y = y
    }

    /// A plan from `NAME=VALUES` specs, the first being X.
    public init(specs: [String]) throws {
        guard (1...2).contains(specs.count) else { throw ComparisonError.tooManyAxes(specs.count) }
        let axes = try specs.map(ComparisonAxis.init(spec:))
        try self.init(x: axes[0], y: axes.count > 1 ? axes[1] : nil)
    }

    public var axes: [ComparisonAxis] { [x] + (y.map { [$0] } ?? []) }
    public var columns: Int { x.values.count }
    public var rows: Int { y?.values.count ?? 1 }
    public var cellCount: Int { columns * rows }

    /// One cell: its place and the axis values it takes.
    public struct Cell: Equatable, Sendable {
        public var column: Int
        public var row: Int
        public var index: Int
        public var assignments: [(parameter: ComparisonAxis.Parameter, value: ComparisonAxis.Value)]

        public static func == (a: Cell, b: Cell) -> Bool {
            a.index == b.index && a.assignments.map(\.value) == b.assignments.map(\.value)
        }
    }

    /// The cells row by row.
    public var cells: [Cell] {
        (0..<rows).flatMap { row in
            (0..<columns).map { column in
                var assignments = [(x.parameter, x.values[column])]
                if let y { assignments.append((y.parameter, y.values[row])) }
                return Cell(column: column, row: row, index: column + row * columns,
                            assignments: assignments.map { (parameter: $0.0, value: $0.1) })
            }
        }
    }

    /// Whether an axis changes the prompt grid (then the caller renders each cell's grid).
    public var changesGrid: Bool { axes.contains { if case .gridRow = $0.parameter { return true }; return false } }

    /// `base` with the cell's grid-row values put in.
    public func grid(for cell: Cell, base: PromptGrid) -> PromptGrid {
        var grid = base
        for (parameter, value) in cell.assignments {
            if case .gridRow(let field) = parameter { grid[field].value = value.text }
        }
        return grid
    }

    /// `base` with the cell's values applied (grid rows excepted: see `grid(for:base:)`).
    /// Throws, naming the axis, when Prompt S/R's search text or a LoRA tag is not in the prompt.
    public func settings(for cell: Cell, base: RenderSettings) throws -> RenderSettings {
        var settings = base
        for (axis, assignment) in zip(axes, cell.assignments) {
            try Self.apply(assignment.parameter, assignment.value, axis: axis, to: &settings)
        }
        return settings
    }

    /// Every cell's settings, row by row; the first bad cell throws before anything renders.
    public func allSettings(base: RenderSettings) throws -> [RenderSettings] {
        try cells.map { try settings(for: $0, base: base) }
    }

    private static func apply(_ parameter: ComparisonAxis.Parameter, _ value: ComparisonAxis.Value,
                              axis: ComparisonAxis, to settings: inout RenderSettings) throws {
        switch (parameter, value) {
        case (.seed, .integer(let seed)):
            guard seed >= 0 else { throw ComparisonError.badValue(axis: parameter.label, value: "-1", reason: "fix random seeds first") }
            settings.seed = UInt64(seed)
        case (.steps, .integer(let steps)): settings.steps = steps
        case (.clipSkip, .integer(let skip)): settings.clipSkip = skip
        case (.cfg, .number(let cfg)): settings.cfgScale = cfg
        case (.sampler, .text(let name)):
            // A1111 keeps the schedule ("Automatic" follows the sampler); a combined name such as
            // "DPM++ 2M Karras" sets it, as `--sampler` does.
            let found = try SamplerCatalog.lookup(name)
            let automatic = settings.schedule == settings.sampler.automaticSchedule
            settings.sampler = found.sampler
            if let schedule = found.schedule { settings.schedule = schedule } else if automatic { settings.schedule = found.sampler.automaticSchedule }
        case (.schedule, .text(let name)): settings.schedule = try SamplerCatalog.schedule(named: name, for: settings.sampler)
        case (.promptSearchReplace, .text(let replacement)):
            // xyz_grid.py `apply_prompt`: the first value must be in the prompt or the negative.
            guard case .text(let search) = axis.values[0] else { return }
            guard settings.prompt.contains(search) || settings.negativePrompt.contains(search) else {
                throw ComparisonError.badValue(axis: parameter.label, value: QuotedInput.shortened(search),
                                               reason: "not found in the prompt or the negative prompt")
            }
            settings.prompt = settings.prompt.replacingOccurrences(of: search, with: replacement)
            settings.negativePrompt = settings.negativePrompt.replacingOccurrences(of: search, with: replacement)
        case (.loraWeight(let name), .number(let weight)):
            settings.prompt = try LoraWeightEdit.setting(name, to: weight, in: settings.prompt, axis: parameter.label)
        case (.gridRow, _): break
        default: break
        }
    }

    /// Random seeds (-1) replaced by `draw()`, as A1111's `fix_axis_seeds` does before rendering.
    public func fixingRandomSeeds(_ draw: () -> UInt64) -> ComparisonPlan {
        var plan = self
        func fix(_ axis: inout ComparisonAxis) {
            guard axis.parameter == .seed else { return }
            axis.values = axis.values.map { $0 == .integer(-1) ? .integer(Int(draw() % 4_294_967_294)) : $0 }
        }
        fix(&plan.x)
        if var y = plan.y { fix(&y); plan.y = y }
        return plan
    }

    /// The infotext fields xyz_grid.py adds to the grid's parameters: `Script`, `X Type`,
    /// `X Values` (as typed), `Fixed X Values` for a seed axis, and the same for Y.
    public var infotextFields: [InfotextField] {
        var fields = [InfotextField(key: "Script", value: "X/Y/Z plot")]
        for (letter, axis) in zip(["X", "Y"], axes) {
            fields.append(InfotextField(key: "\(letter) Type", value: axis.parameter.label))
            fields.append(InfotextField(key: "\(letter) Values", value: axis.valuesText))
            if axis.parameter == .seed {
                fields.append(InfotextField(key: "Fixed \(letter) Values", value: axis.values.map(\.text).joined(separator: ", ")))
            }
        }
        return fields
    }
}

/// Setting the weight of a prompt's `<lora:NAME…>` (or `<lyco:NAME…>`) tags.
enum LoraWeightEdit {
    /// `prompt` with every `<lora:NAME…>` tag rewritten as `<lora:NAME:WEIGHT>` (both the
    /// text-encoder and the UNet multiplier, A1111's one-number form).
    static func setting(_ name: String, to weight: Double, in prompt: String, axis: String) throws -> String {
        let escaped = NSRegularExpression.escapedPattern(for: name)
        let regex = try! NSRegularExpression(pattern: "<(lora|lyco):\(escaped)(:[^>]*)?>")
        let range = NSRange(prompt.startIndex..., in: prompt)
        guard regex.firstMatch(in: prompt, range: range) != nil else {
            throw ComparisonError.badValue(axis: axis, value: "<lora:\(QuotedInput.shortened(name))>", reason: "no such tag in the prompt")
        }
        let template = "<$1:" + NSRegularExpression.escapedTemplate(for: name) + ":" + Infotext.formatNumber(weight) + ">"
        return regex.stringByReplacingMatches(in: prompt, range: range, withTemplate: template)
    }
}
