import Foundation
import PromptKit
import RenderSettings

extension WorkbenchReducer {
    func performParameters(_ state: inout AppState, _ command: Command) -> Reaction {
        let fields = ParameterField.allCases
        let index = fields.firstIndex(of: state.parameter) ?? 0
        switch command {
        case .moveUp: state.parameter = fields[max(0, index - 1)]
        case .moveDown: state.parameter = fields[min(fields.count - 1, index + 1)]
        case .moveFirst: state.parameter = fields[0]
        case .moveLast: state.parameter = fields[fields.count - 1]
        case .decrease: return adjust(&state, state.parameter, direction: -1, big: false)
        case .increase: return adjust(&state, state.parameter, direction: 1, big: false)
        case .decreaseMore: return adjust(&state, state.parameter, direction: -1, big: true)
        case .increaseMore: return adjust(&state, state.parameter, direction: 1, big: true)
        case .startEditing: return openParameterEditor(&state, state.parameter)
        case .randomSeed:
            let seed = nextRandomSeed(&state)
            if state.parameter == .variationSeed { return change(&state, kind: nil) { $0.settings.variation.seed = seed } }
            state.parameter = .seed
            return change(&state, kind: nil) { $0.settings.seed = seed }
        case .copySeed, .reuseSeed:
            return seedCommand(&state, command)
        case .toggleSeedLock:
            state.parameter = .seed
            var reaction = change(&state, kind: nil) { $0.seedLocked.toggle() }
            state.status = .info(state.document.seedLocked ? "Seed locked" : "New random seed for every render")
            reaction.redraw.insert(.status)
            return reaction
        default:
            return .none
        }
        return Reaction(redraw: [.parameters, .hint])
    }

    /// Arrow keys on a parameter: sliders move by their step (big step with Shift), choices go to
    /// the neighbouring item, the seed goes ±1 (±1000 big).
    func adjust(_ state: inout AppState, _ field: ParameterField, direction: Int, big: Bool) -> Reaction {
        let kind = "adjust \(field.rawValue)"
        if let scale = field.slider {
            let amount = Double(direction) * (big ? scale.bigStep : scale.step)
            return change(&state, kind: kind) { doc in
                switch field {
                case .steps: doc.settings.steps = Int(scale.adjust(Double(doc.settings.steps), by: amount))
                case .cfg: doc.settings.cfgScale = scale.adjust(doc.settings.cfgScale, by: amount)
                case .clipSkip: doc.settings.clipSkip = Int(scale.adjust(Double(doc.settings.clipSkip), by: amount))
                case .width: doc.settings.width = Int(scale.adjust(Double(doc.settings.width), by: amount))
                case .height: doc.settings.height = Int(scale.adjust(Double(doc.settings.height), by: amount))
                case .variationStrength: doc.settings.variation.strength = scale.adjust(doc.settings.variation.strength, by: amount)
                case .strength:
                    doc.settings.denoisingStrength = scale.adjust(doc.settings.denoisingStrength ?? Document.defaultStrength, by: amount)
                default: break
                }
            }
        }
        switch field {
        case .seed:
            let delta = UInt64(big ? 1000 : 1)
            return change(&state, kind: kind) { doc in
                doc.settings.seed = direction > 0 ? doc.settings.seed &+ delta : doc.settings.seed &- delta
            }
        case .variationSeed:
            let delta = UInt64(big ? 1000 : 1)
            return change(&state, kind: kind) { doc in
                let seed = doc.settings.variation.seed
                doc.settings.variation.seed = direction > 0 ? seed &+ delta : seed &- delta
            }
        case .family, .sampler, .schedule, .aspect, .model:
            let options = choices(for: field, in: state)
            guard !options.items.isEmpty else { return .none }
            let count = options.items.count
            let next = ((options.selected ?? (direction > 0 ? -1 : 0)) + direction % count + count) % count
            return choose(&state, field, index: next)
        default:
            return .none
        }
    }

    /// The items a choice parameter offers and the current one.
    func choices(for field: ParameterField, in state: AppState) -> (items: [String], selected: Int?) {
        let doc = state.document
        switch field {
        case .family:
            return (ModelFamily.allCases.map { "\($0.rawValue) — \($0.profile.name)" },
                    ModelFamily.allCases.firstIndex(of: doc.family))
        case .sampler:
            return (Sampler.allCases.map(\.displayName), Sampler.allCases.firstIndex(of: doc.settings.sampler))
        case .schedule:
            return (Schedule.allCases.map(\.displayName), Schedule.allCases.firstIndex(of: doc.settings.schedule))
        case .aspect:
            let current = AspectPreset.matching(width: doc.settings.width, height: doc.settings.height)
            return (AspectPreset.all.map(\.label), current.flatMap { AspectPreset.all.firstIndex(of: $0) })
        case .model:
            return (state.availableModels.map { URL(fileURLWithPath: $0).lastPathComponent },
                    doc.modelPath.flatMap { state.availableModels.firstIndex(of: $0) })
        default:
            return ([], nil)
        }
    }

    /// Applies item `index` of a choice parameter.
    func choose(_ state: inout AppState, _ field: ParameterField, index: Int) -> Reaction {
        switch field {
        case .family:
            return switchFamily(&state, to: ModelFamily.allCases[index])
        case .sampler:
            let sampler = Sampler.allCases[index]
            return change(&state, kind: nil) { $0.settings.sampler = sampler }
        case .schedule:
            let schedule = Schedule.allCases[index]
            return change(&state, kind: nil) { $0.settings.schedule = schedule }
        case .aspect:
            let size = AspectPreset.all[index].size(for: state.document.family.profile)
            return change(&state, kind: nil) {
                $0.settings.width = size.width
                $0.settings.height = size.height
            }
        case .model:
            guard state.availableModels.indices.contains(index) else { return .none }
            let path = state.availableModels[index]
            var reaction = change(&state, kind: nil) { $0.modelPath = path }
            state.adoptDialectOnLoad = true
            reaction.effects.append(.loadModel(path: path))
            return reaction
        default:
            return .none
        }
    }

    /// Enter on a parameter: a picker for choices, a text prompt with the value for numbers.
    func openParameterEditor(_ state: inout AppState, _ field: ParameterField) -> Reaction {
        if field.isChoice {
            let options = choices(for: field, in: state)
            guard !options.items.isEmpty else {
                state.status = .warning(field == .model ? "No model files found (start easel with --model PATH)" : "Nothing to choose")
                return Reaction(redraw: [.status])
            }
            let purpose: ListPicker.Purpose
            switch field {
            case .family: purpose = .family
            case .model: purpose = .model
            case .sampler: purpose = .sampler
            case .schedule: purpose = .schedule
            default: purpose = .aspect
            }
            state.overlays.append(.picker(ListPicker(title: field.label, items: options.items,
                                                     selected: options.selected ?? 0, purpose: purpose)))
        } else {
            state.overlays.append(.textEntry(TextEntry(title: field.label, text: ParameterFormat.value(field, state.document),
                                                       purpose: .parameter(field))))
        }
        return Reaction(redraw: [.overlay])
    }

    /// A typed parameter value: parsed, checked against the slider's range, applied.
    func applyParameterText(_ state: inout AppState, _ field: ParameterField, _ text: String) -> Result<Reaction, ParameterInputError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if field.isSeed {
            guard let seed = UInt64(trimmed) else { return .failure(.notANumber(field, trimmed)) }
            return .success(change(&state, kind: nil) { doc in
                if field == .seed { doc.settings.seed = seed } else { doc.settings.variation.seed = seed }
            })
        }
        guard let scale = field.slider else { return .failure(.notANumber(field, trimmed)) }
        guard let value = Double(trimmed), value.isFinite else { return .failure(.notANumber(field, trimmed)) }
        guard scale.range.contains(value) else { return .failure(.outOfRange(field, trimmed, scale.range)) }
        if field != .cfg && field != .strength && field != .variationStrength && value != value.rounded() { return .failure(.notWhole(field, trimmed)) }
        if (field == .width || field == .height) && Int(value) % 8 != 0 { return .failure(.notMultipleOf8(field, trimmed)) }
        return .success(change(&state, kind: nil) { doc in
            switch field {
            case .steps: doc.settings.steps = Int(value)
            case .cfg: doc.settings.cfgScale = value
            case .clipSkip: doc.settings.clipSkip = Int(value)
            case .width: doc.settings.width = Int(value)
            case .height: doc.settings.height = Int(value)
            case .strength: doc.settings.denoisingStrength = value
            case .variationStrength: doc.settings.variation.strength = value
            default: break
            }
        })
    }
}

/// Why a typed parameter value was refused (shown in the status line).
public enum ParameterInputError: Error, Equatable, CustomStringConvertible {
    case notANumber(ParameterField, String)
    case notWhole(ParameterField, String)
    case outOfRange(ParameterField, String, ClosedRange<Double>)
    case notMultipleOf8(ParameterField, String)

    public var description: String {
        switch self {
        case .notANumber(let f, let t): return "\(f.label): '\(t)' is not a number"
        case .notWhole(let f, let t): return "\(f.label): '\(t)' must be a whole number"
        case .outOfRange(let f, let t, let r):
            return "\(f.label): \(t) is outside \(ParameterFormat.number(r.lowerBound))–\(ParameterFormat.number(r.upperBound))"
        case .notMultipleOf8(let f, let t): return "\(f.label): \(t) must be a multiple of 8"
        }
    }
}
