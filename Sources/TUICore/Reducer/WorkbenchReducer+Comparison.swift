import Comparison
import PromptKit
import RenderSettings

/// The workbench's X/Y plot: F12 asks for the X axis, then the Y axis (both `NAME=VALUES`, as
/// `easel generate --xy` reads them), renders every cell as an ordinary job one after another
/// (the preview shows each as it finishes), then the TUI composes, shows and saves the sheet.
extension WorkbenchReducer {
    static let comparisonXTitle = "Compare · X axis, across (NAME=VALUES)"
    static let comparisonYTitle = "Compare · Y axis, down (empty: none)"

    func openComparison(_ state: inout AppState) -> Reaction {
        if state.editor != nil {
            state.editor = nil
            state.history.seal()
        }
        let x = state.comparisonSpecs.first ?? "cfg=4,7,10"
        state.overlays.append(.textEntry(TextEntry(title: Self.comparisonXTitle, text: x, purpose: .comparisonX)))
        return Reaction(redraw: [.overlay, .grid])
    }

    /// Enter on an axis prompt: X is checked and Y asked for; Y (or nothing) starts the render.
    func confirmComparisonAxis(_ state: inout AppState, _ entry: TextEntry, _ text: String) -> Reaction {
        switch entry.purpose {
        case .comparisonX:
            do { _ = try ComparisonAxis(spec: text) } catch {
                state.status = .error("\(error)")
                return Reaction(redraw: [.status])
            }
            let y = state.comparisonSpecs.count > 1 ? state.comparisonSpecs[1] : ""
            state.overlays[state.overlays.count - 1] = .textEntry(TextEntry(title: Self.comparisonYTitle, text: y, purpose: .comparisonY(x: text)))
            return Reaction(redraw: [.overlay])
        case .comparisonY(let x):
            let specs = text.isEmpty ? [x] : [x, text]
            switch startComparison(&state, specs: specs) {
            case .success(var reaction):
                state.overlays.removeLast()
                reaction.redraw.formUnion([.overlay, .layout])
                return reaction
            case .failure(let error):
                state.status = .error("\(error)")
                return Reaction(redraw: [.status])
            }
        default:
            return .none
        }
    }

    /// Works out every cell's settings from the document (a grid-row axis re-renders the grid
    /// in its dialect), cancels any render and starts the first cell.
    func startComparison(_ state: inout AppState, specs: [String]) -> Result<Reaction, Error> {
        guard case .ready = state.model else { return .failure(ComparisonStartError("No model is loaded to render the comparison")) }
        do {
            let plan = try ComparisonPlan(specs: specs).fixingRandomSeeds { nextRandomSeed(&state) }
            var base = state.document.renderSettings(using: state.analysis.rendered)
            base.modelName = state.model.name
            base.modelHash = state.modelHash
            if !state.document.seedLocked { base.seed = nextRandomSeed(&state) }
            var cells: [RenderSettings] = []
            var grids: [PromptGrid] = []
            for cell in plan.cells {
                var document = state.document
                var settings = base
                if plan.changesGrid {
                    document.grid = plan.grid(for: cell, base: document.grid)
                    let rendered = document.render()
                    settings.prompt = rendered.prompt
                    settings.negativePrompt = rendered.negative ?? ""
                }
                settings = try plan.settings(for: cell, base: settings)
                try settings.validate()
                cells.append(settings)
                grids.append(document.grid)
            }
            state.comparisonSpecs = specs
            state.comparison = ComparisonRun(plan: plan, cells: cells, grids: grids, base: base)
            var reaction = Reaction(effects: state.render.runningJob != nil ? [.cancelRender] : [])
            reaction.merge(startComparisonCell(&state))
            return .success(reaction)
        } catch {
            return .failure(error)
        }
    }

    /// Starts the next cell's job.
    func startComparisonCell(_ state: inout AppState) -> Reaction {
        guard var run = state.comparison, run.jobs.count < run.cells.count else { return .none }
        let index = run.jobs.count
        let settings = run.cells[index]
        let job = state.nextJob
        state.nextJob += 1
        run.jobs.append(job)
        state.comparison = run
        state.lastJob = (job, settings, run.grids[index])
        state.render = .running(RenderProgress(job: job, seed: settings.seed, totalSteps: settings.steps))
        state.status = .info("Comparing: " + run.progressText(cell: index))
        return Reaction(redraw: [.status, .parameters], effects: [.startRender(job: job, settings: settings)])
    }

    /// A cell finished: the next one starts, or after the last the sheet is composed and saved.
    func comparisonCellFinished(_ state: inout AppState) -> Reaction {
        guard let run = state.comparison else { return .none }
        guard run.isLastCell else {
            var reaction = startComparisonCell(&state)
            reaction.redraw.insert(.preview)
            return reaction
        }
        state.comparison = nil
        var settings = run.base
        settings.extraParameters += run.plan.infotextFields
        state.status = .info("Comparison rendered: \(run.cells.count) cells; composing the sheet")
        return Reaction(redraw: [.status, .preview],
                        effects: [.composeComparison(jobs: run.jobs, columnLabels: run.plan.x.labels,
                                                     rowLabels: run.plan.y?.labels, settings: settings)])
    }

    /// Ends a comparison in progress (an edit, a stop, a failure); its running job is cancelled
    /// by the caller's effects.
    func endComparison(_ state: inout AppState) {
        guard let run = state.comparison else { return }
        state.comparison = nil
        state.status = .info("Comparison stopped after \(max(0, run.jobs.count - 1)) of \(run.cells.count) cells")
    }
}

struct ComparisonStartError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
