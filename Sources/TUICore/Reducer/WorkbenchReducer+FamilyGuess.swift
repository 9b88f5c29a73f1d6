import Catalog
import EngineAPI
import PromptKit

extension WorkbenchReducer {
    /// A loaded model's family as the workbench takes it: the user's correction for this model
    /// on this engine, else the engine's guess, else what the engine knew. Returns the dialect
    /// it calls for.
    func settleFamily(_ state: inout AppState, name: String, dialect: ModelFamily?, guess: FamilyGuess?) -> ModelFamily? {
        state.engines.familyGuess = guess
        guard guess != nil, let corrected = state.engines.corrections[state.engines.correctionKey(model: state.document.modelPath)] else {
            return dialect
        }
        return ModelFamily.dialect(for: corrected, names: [name]) ?? dialect
    }

    /// The note on the loaded model's family, while it is a guess or a correction:
    /// "Guessed family SD 1.x from the name 'x'; Shift-F4 corrects it".
    func familyNote(_ state: AppState) -> String? {
        guard let guess = state.engines.familyGuess else { return nil }
        let key = correctFamilyKey
        if let corrected = state.engines.corrections[state.engines.correctionKey(model: state.document.modelPath)] {
            return "Family \(corrected.displayName) set by hand (guessed \(guess.family.displayName) from \(guess.basis)); \(key) changes it"
        }
        return "Guessed family \(guess.family.displayName) from \(guess.basis); \(key) corrects it"
    }

    /// How the key table spells the correction key.
    var correctFamilyKey: String {
        environment.keymap.bindings.first { $0.command == .correctFamily }?.keys.first?.label ?? "Shift-F4"
    }

    /// Shift-F4: a list of families for the loaded model, when its family is a guess.
    func openFamilyCorrection(_ state: inout AppState) -> Reaction {
        guard case .ready(let name) = state.model else {
            state.status = .warning("No model loaded: nothing to correct")
            return Reaction(redraw: [.status])
        }
        guard let guess = state.engines.familyGuess else {
            state.status = .info("\(name)'s family comes from its file, not a guess (F4 picks another dialect)")
            return Reaction(redraw: [.status])
        }
        let families = EngineState.correctableFamilies
        let current = state.engines.corrections[state.engines.correctionKey(model: state.document.modelPath)] ?? guess.family
        state.overlays.append(.picker(ListPicker(title: "Family of \(name)", items: families.map(\.displayName),
                                                 selected: families.firstIndex(of: current) ?? 0, purpose: .modelFamily)))
        return Reaction(redraw: [.overlay])
    }

    /// A family picked for the loaded model: kept for it (this session), and the dialect, and
    /// with it the sliders' advice, follow (the family's settings are offered, as on F4).
    func correctFamily(_ state: inout AppState, index: Int) -> Reaction {
        let families = EngineState.correctableFamilies
        guard families.indices.contains(index), case .ready(let name) = state.model else { return .none }
        let family = families[index]
        state.engines.corrections[state.engines.correctionKey(model: state.document.modelPath)] = family
        var reaction = Reaction(redraw: [.status, .parameters, .prompt])
        refreshAnalysis(&state)
        guard let dialect = ModelFamily.dialect(for: family, names: [name]) else {
            state.status = .info("\(name) is \(family.displayName) (set by hand); it has no dialect of its own, "
                                 + "so the prompt stays \(state.document.family.rawValue)")
            return reaction
        }
        if dialect != state.document.family { reaction.merge(switchFamily(&state, to: dialect)) }
        state.status = .success("\(name) is \(family.displayName) (set by hand): dialect \(dialect.rawValue)")
        refreshAnalysis(&state)
        return reaction
    }
}
