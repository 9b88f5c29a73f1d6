import Foundation
import PromptKit
import RenderSettings
import UntrustedText

/// One axis of a comparison: a parameter and the values it takes, as A1111's X/Y/Z plot
/// (`scripts/xyz_grid.py`, `AxisOption` and `process_axis`) reads them.
public struct ComparisonAxis: Equatable, Sendable {
    /// What an axis varies. A1111's labels name it in the infotext (`X Type`).
    public enum Parameter: Equatable, Hashable, Sendable {
        case seed, steps, cfg, sampler, schedule, clipSkip
        /// A1111 "Prompt S/R": the first value is searched for, every value replaces it.
        case promptSearchReplace
        /// The weight of the prompt's `<lora:NAME:…>` tag (Easel's; A1111 users do this with S/R).
        case loraWeight(String)
        /// A prompt-grid row's value (the workbench's grid; Easel's).
        case gridRow(PromptGrid.Field)

        /// The label A1111's `axis_options` gives the parameter (Easel's own for the last two).
        public var label: String {
            switch self {
            case .seed: return "Seed"
            case .steps: return "Steps"
            case .cfg: return "CFG Scale"
            case .sampler: return "Sampler"
            case .schedule: return "Schedule type"
            case .clipSkip: return "Clip skip"
            case .promptSearchReplace: return "Prompt S/R"
            case .loraWeight(let name): return "LoRA weight \(name)"
            case .gridRow(let field): return "Grid row \(field.rawValue)"
            }
        }

        /// The names an axis may be given by (`--xy NAME=…`), besides A1111's label.
        static let names: [(names: [String], parameter: Parameter)] = [
            (["seed"], .seed), (["steps"], .steps), (["cfg", "cfg scale", "cfg_scale"], .cfg),
            (["sampler"], .sampler), (["schedule", "schedule type", "scheduler"], .schedule),
            (["clip skip", "clip-skip", "clip_skip"], .clipSkip),
            (["prompt s/r", "sr", "s/r", "prompt"], .promptSearchReplace),
        ]

        /// The name list shown when a name is unknown.
        public static let knownNames = "seed, steps, cfg, sampler, schedule, clip-skip, sr (Prompt S/R), lora:NAME, "
            + PromptGrid.Field.allCases.map(\.rawValue).joined(separator: ", ")

        /// The parameter a name stands for (case and surrounding spaces ignored): one of `names`,
        /// `lora:NAME`, a grid row (`what`, `row:what`).
        public static func named(_ name: String) throws -> Parameter {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            if let found = names.first(where: { $0.names.contains(key) || $0.parameter.label.lowercased() == key }) {
                return found.parameter
            }
            if key.hasPrefix("lora:") {
                let lora = name.trimmingCharacters(in: .whitespaces).dropFirst(5).trimmingCharacters(in: .whitespaces)
                guard !lora.isEmpty, !lora.contains(">"), !lora.contains(":") else { throw unknown(name) }
                return .loraWeight(lora)
            }
            let row = key.hasPrefix("row:") ? String(key.dropFirst(4)) : key
            if let field = PromptGrid.Field(rawValue: row) { return .gridRow(field) }
            throw unknown(name)
        }

        private static func unknown(_ name: String) -> ComparisonError {
            .unknownAxis(QuotedInput.shortened(name), known: knownNames)
        }

        /// A1111's `format_value_add_label` ("CFG Scale: 7") for numbers, the bare value
        /// (`format_value`) for Sampler, Prompt S/R and the grid rows.
        func cellLabel(_ value: Value) -> String {
            switch self {
            case .sampler, .promptSearchReplace, .gridRow: return value.text
            case .loraWeight(let name): return "\(name): \(value.text)"
            default: return "\(label): \(value.text)"
            }
        }
    }

    /// One value of an axis.
    public enum Value: Equatable, Hashable, Sendable {
        case integer(Int), number(Double), text(String)

        public var text: String {
            switch self {
            case .integer(let n): return String(n)
            case .number(let x): return Infotext.formatNumber(x)
            case .text(let s): return s
            }
        }
    }

    public var parameter: Parameter
    /// The values as typed (A1111 writes them so as `X Values`).
    public var valuesText: String
    public var values: [Value]

    /// Reads `valuesText` for `parameter` and checks each value (samplers and schedules by
    /// name, steps ≥ 1, CFG ≥ 0, seeds ≥ -1 where -1 is a random seed, as A1111's `fix_axis_seeds`).
    public init(_ parameter: Parameter, values valuesText: String) throws {
        self.parameter = parameter
        self.valuesText = valuesText
        let axis = parameter.label
        func bad(_ value: String, _ reason: String) -> ComparisonError {
            .badValue(axis: axis, value: QuotedInput.shortened(value), reason: reason)
        }
        switch parameter {
        case .seed:
            let seeds = try AxisValueSyntax.integers(valuesText, axis: axis)
            if let negative = seeds.first(where: { $0 < -1 }) { throw bad(String(negative), "seeds are ≥ 0 (-1 picks a random one)") }
            values = seeds.map(Value.integer)
        case .steps, .clipSkip:
            let counts = try AxisValueSyntax.integers(valuesText, axis: axis)
            let limit = parameter == .steps ? RenderSettings.maximumSteps : 12
            if let wrong = counts.first(where: { $0 < 1 || $0 > limit }) { throw bad(String(wrong), "must be 1…\(limit)") }
            values = counts.map(Value.integer)
        case .cfg, .loraWeight:
            let numbers = try AxisValueSyntax.numbers(valuesText, axis: axis)
            if parameter == .cfg, let wrong = numbers.first(where: { $0 < 0 }) { throw bad(Infotext.formatNumber(wrong), "must be ≥ 0") }
            values = numbers.map(Value.number)
        case .sampler, .schedule:
            let names = try AxisValueSyntax.nonEmptyEntries(valuesText, axis: axis)
            for name in names {
                do {
                    if parameter == .sampler { _ = try SamplerCatalog.lookup(name) } else { _ = try SamplerCatalog.schedule(named: name) }
                } catch {
                    throw bad(name, parameter == .sampler ? "unknown sampler" : "unknown schedule")
                }
            }
            values = names.map(Value.text)
        case .promptSearchReplace, .gridRow:
            values = try AxisValueSyntax.nonEmptyEntries(valuesText, axis: axis).map(Value.text)
        }
    }

    /// Reads `NAME=VALUES` (`cfg=4,7,10`, `sampler="DPM++ 2M",Euler`, `lora:film=0-1 [3]`).
    public init(spec: String) throws {
        guard let equals = spec.firstIndex(of: "=") else { throw ComparisonError.badSpec(QuotedInput.shortened(spec)) }
        let name = String(spec[..<equals])
        try self.init(try Parameter.named(name), values: String(spec[spec.index(after: equals)...]))
    }

    /// The label drawn beside cell `index` ("CFG Scale: 7", "Euler a").
    public func label(at index: Int) -> String { parameter.cellLabel(values[index]) }
    public var labels: [String] { values.indices.map(label(at:)) }
}
