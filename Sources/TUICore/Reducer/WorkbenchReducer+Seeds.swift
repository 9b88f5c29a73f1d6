import Foundation
import RenderSettings

extension WorkbenchReducer {
    /// `c` and `p` on a seed row (Seed, Var. seed): copy the seed with OSC 52, or take the seed
    /// the image on screen was rendered with — A1111's ♻ button — and lock it, so the next
    /// render starts from the same noise. Elsewhere they say where they work.
    func seedCommand(_ state: inout AppState, _ command: Command) -> Reaction {
        let field = state.parameter
        guard field.isSeed else {
            state.status = .info("\(command == .copySeed ? "c" : "p") works on the Seed and Var. seed rows")
            return Reaction(redraw: [.status])
        }
        let settings = state.document.settings
        if command == .copySeed {
            let seed = field == .seed ? settings.seed : settings.variation.seed
            return Reaction(effects: [.copyToClipboard(String(seed), what: field == .seed ? "the seed" : "the variation seed")])
        }
        guard case .finished(let job, _, let seed, _)? = state.lastFinished, let last = state.lastJob, last.id == job else {
            state.status = .warning("No finished render yet: its seed is what p takes")
            return Reaction(redraw: [.status])
        }
        let previous = field == .seed ? seed : last.settings.variation.seed
        var reaction = change(&state, kind: nil) { doc in
            if field == .seed { doc.settings.seed = previous } else { doc.settings.variation.seed = previous }
            doc.seedLocked = true
        }
        state.status = .info("\(field.label) \(previous) from the last render, locked")
        reaction.redraw.insert(.status)
        return reaction
    }
}
