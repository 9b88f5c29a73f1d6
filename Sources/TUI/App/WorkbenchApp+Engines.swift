import EngineAPI
import Foundation
import TUICore

extension WorkbenchApp {
    /// The engine picker's list, the engine the workbench starts on and each engine's first
    /// model (local model paths as the in-process engine lists them).
    func engineList() -> Action {
        let engines = options.engines
        let models = engines.startModels.map { name, path in (name, name == EngineState.localName ? Self.modelID(path) : path) }
        let capabilities = backend.engine.capabilities
        return .enginesListed(engines.entries, current: engines.current, canCancel: capabilities.interrupt,
                              models: Dictionary(models) { first, _ in first }, noiseSources: capabilities.noiseSources)
    }

    /// `Effect.listAdapters`: the library folders' files on the local engine; a server's own
    /// list (an HTTP request) is read on a background queue, so a slow server never blocks the
    /// screen, and comes back through the inbox (the folders' list when the server has none).
    func listAdapters() {
        let current = state.engines.current
        guard current != EngineState.localName else {
            pending.append(.adaptersListed(options.adapters.list()))
            return
        }
        let engine = backend.engine, folders = options.adapters, inbox = self.inbox
        DispatchQueue.global(qos: .userInitiated).async {
            if let remote = engine.availableAdapters() {
                inbox.post(.adaptersListed(remote, source: current))
            } else {
                inbox.post(.folderAdaptersListed(folders.list(), engine: current))
            }
        }
    }

    /// `Effect.switchEngine`: the running job stops, and the engine is built (or found among
    /// those connected before) and asked for its models on a background queue, so a server that
    /// does not answer never blocks the screen. The answer comes back through the inbox.
    func switchEngine(to name: String) {
        backend.cancel()
        let known = sessions[name]?.engine
        let make = options.engines.make
        let inbox = self.inbox
        DispatchQueue.global(qos: .userInitiated).async {
            do {
                let engine = try known ?? make(name)
                let models = try engine.connect()
                inbox.post(.engineConnected(name: name, engine: engine, models: models, adapters: engine.availableAdapters()))
            } catch {
                inbox.post(.engineFailed(name: name, message: "\(error)"))
            }
        }
    }

    /// The engine answered: its session becomes the current one (the old one's late reports
    /// are dropped), and the reducer takes its models and loads its model.
    /// An answer from an engine no longer asked for (another was picked meanwhile) is kept
    /// for later and changes nothing.
    func engineConnected(name: String, engine: any ImageEngine, models: [EngineModel], adapters: [AdapterFile]?) {
        let session = sessions[name] ?? makeSession(engine)
        sessions[name] = session
        guard state.engines.connecting == name else {
            if session !== backend { session.isActive = false }
            return
        }
        for other in sessions.values where other !== session { other.isActive = false }
        session.isActive = true
        session.remember(models)
        backend = session
        var advice: [String: ModelAdvice] = [:]
        for model in models { advice[model.id] = model.advice }
        pending.append(.engineConnected(name: name, models: Self.sortedByFileName(models.map(\.id)), advice: advice,
                                        canCancel: engine.capabilities.interrupt,
                                        noiseSources: engine.capabilities.noiseSources, adapters: adapters))
    }
}
