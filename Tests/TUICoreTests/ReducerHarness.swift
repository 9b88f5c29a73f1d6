import PromptKit
import RenderSettings
@testable import TUICore

/// A reducer and a state with a ready model, plus shortcuts to send keys and read results.
struct ReducerHarness {
    let reducer: WorkbenchReducer
    var state: AppState
    /// Effects of every action sent so far, in order.
    var effects: [Effect] = []
    var lastReaction = Reaction.none

    init(modelReady: Bool = true, document: Document = Document(settings: RenderSettings(seed: 42)),
         environment: WorkbenchEnvironment = WorkbenchEnvironment(debounce: 0.3)) {
        reducer = WorkbenchReducer(environment: environment)
        state = AppState(document: document, columns: 120, rows: 40, randomSeed: 1)
        reducer.prepare(&state)
        if modelReady {
            _ = reducer.reduce(&state, .modelLoaded(name: "tiny"))
            state.render = .idle
        }
    }

    @discardableResult
    mutating func send(_ action: Action) -> Reaction {
        lastReaction = reducer.reduce(&state, action)
        effects += lastReaction.effects
        return lastReaction
    }

    @discardableResult
    mutating func press(_ keys: Key...) -> Reaction {
        var reaction = Reaction.none
        for key in keys { reaction.merge(send(.key(key))) }
        lastReaction = reaction
        return reaction
    }

    /// Types text key by key, as a person would.
    mutating func typeKeys(_ text: String) {
        for c in text { send(.key(.char(c))) }
    }

    /// Sends `renderDue` and returns the started job's settings, if one started.
    mutating func fireDebounce() -> (job: Int, settings: RenderSettings)? {
        let reaction = send(.renderDue)
        for effect in reaction.effects {
            if case .startRender(let job, let settings) = effect { return (job, settings) }
        }
        return nil
    }

    var grid: PromptGrid { state.document.grid }
    var settings: RenderSettings { state.document.settings }
}
