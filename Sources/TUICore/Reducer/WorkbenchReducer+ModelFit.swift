import EngineAPI
import RenderSettings

extension WorkbenchReducer {
    /// The prompt analysis for the document, plus what the model makes of it: a model with a
    /// small vocabulary (the demo model) names the prompt's words it never learned.
    func refreshAnalysis(_ state: inout AppState) {
        state.analysis = environment.analyze(state.document)
        if let raw = state.document.raw, !raw.notApplied.isEmpty {
            state.analysis.modelNotes.append("Not applied from \(raw.source): " + raw.notApplied.joined(separator: ", "))
        }
        if let source = state.adapterSource { engineLoRAWarnings(&state, source: source) }
        state.analysis.warnings += adapterNotes(state)
        if let note = familyNote(state) { state.analysis.modelNotes.append(note) }
        guard let vocabulary = state.currentModelAdvice?.vocabulary else { return }
        let name = modelName(state) ?? "this model"
        let unknown = vocabulary.unknownWords(in: state.document.userPromptText)
        if !unknown.isEmpty {
            let list = unknown.prefix(12).joined(separator: ", ") + (unknown.count > 12 ? ", …" : "")
            state.analysis.modelNotes += ["\(name) knows only its own words (F1 lists them); no effect: \(list)"]
        }
    }

    /// After a preset or family brought settings the model cannot serve (the demo model asked
    /// for 512×768 at 60 steps), asks whether to fit them: the model's native size and the steps
    /// capped by its advice. Nil when they fit or the model gives no advice.
    func offerModelFit(_ state: inout AppState, source: String) -> Reaction? {
        guard let advice = state.currentModelAdvice else { return nil }
        let s = state.document.settings
        guard let fit = advice.fitted(width: s.width, height: s.height, steps: s.steps) else { return nil }
        let name = modelName(state) ?? "This model"
        let question = "\(source) asks for \(s.width)×\(s.height) at \(s.steps) steps; \(name) draws "
            + "\(advice.maxSide)×\(advice.maxSide) in \(advice.steps.lowerBound)–\(advice.steps.upperBound) steps. "
            + "Fit to \(fit.width)×\(fit.height) at \(fit.steps) steps?"
        state.overlays.append(.confirm(Confirmation(question: question,
            purpose: .fitToModel(width: fit.width, height: fit.height, steps: fit.steps))))
        return Reaction(redraw: [.overlay])
    }

    /// Yes to `offerModelFit`: part of the change that prompted it, so one undo step restores
    /// what was there before both.
    func applyModelFit(_ state: inout AppState, width: Int, height: Int, steps: Int) -> Reaction {
        amendLastChange(&state) { doc in
            doc.settings.width = width
            doc.settings.height = height
            doc.settings.steps = steps
        }
    }

    /// The model's name: as loaded, else its file name without the extension.
    func modelName(_ state: AppState) -> String? {
        if let name = state.model.name { return name }
        guard let path = state.document.modelPath else { return nil }
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.split(separator: ".").first.map(String.init) ?? file
    }

    /// Changes the document without a new undo step: the change belongs to the one before.
    func amendLastChange(_ state: inout AppState, _ body: (inout Document) -> Void) -> Reaction {
        let before = state.document
        body(&state.document)
        guard state.document != before else { return .none }
        if !state.history.canUndo { state.history.record(before, kind: nil) }
        return documentChanged(&state)
    }
}
