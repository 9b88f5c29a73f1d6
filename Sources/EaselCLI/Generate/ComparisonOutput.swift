import ArgumentParser
import Comparison
import EngineAPI
import Foundation
import Imaging
import RenderSettings
import SafeFiles

/// `easel generate --xy …`: every cell of a comparison rendered on one loaded model, then one
/// labelled sheet PNG (and, with `--xy-cells`, each cell's own PNG). Nothing is written until
/// every cell has rendered, so Ctrl-C leaves no partial file.
struct ComparisonOutput {
    let plan: ComparisonPlan
    let base: RenderSettings
    /// Each cell's settings, row by row.
    let cells: [RenderSettings]
    let sheetPath: URL
    let cellPaths: [URL]

    /// Reads the axes, works out and checks every cell's settings and the output paths, so a
    /// bad value is a one-line error before the model loads.
    init(specs: [String], base: RenderSettings, output: String, writeCells: Bool) throws {
        guard base.batchSize == 1 else { throw CLIError("xy: --batch renders single images; a comparison renders one image per cell") }
        plan = try ComparisonPlan(specs: specs).fixingRandomSeeds { UInt64.random(in: 0..<4_294_967_294) }
        if plan.changesGrid { throw CLIError("xy \(plan.axes.first { if case .gridRow = $0.parameter { return true }; return false }!.parameter.label): grid rows are the workbench's; from the command line use sr=SEARCH,REPLACEMENT,…") }
        self.base = base
        let cells = try plan.allSettings(base: base)
        for (cell, settings) in zip(plan.cells, cells) {
            do { try settings.validate() } catch {
                throw CLIError("xy cell \(cell.index + 1) (\(Self.labels(plan, cell))): \(error)")
            }
        }
        self.cells = cells
        let sheet = try OutputFiles.paths(for: output, count: 1)[0]
        let stem = sheet.deletingPathExtension().lastPathComponent
        let cellPaths = writeCells ? (1...cells.count).map { sheet.deletingLastPathComponent().appendingPathComponent("\(stem)-cell-\($0).png") } : []
        sheetPath = sheet
        self.cellPaths = cellPaths
        for path in cellPaths {
            if let refusal = FileKind(atPath: path.path).refusal { throw CLIError("output: \(path.path) \(refusal)") }
        }
    }

    /// Renders the cells in order (the model loads once, for the first), then writes the files.
    func render(engine: ImageEngine, model: EngineModel, interrupt: CancellationFlag, bar: ProgressReporter,
                request: (RenderSettings) -> EngineRequest, record: (RenderSettings, EngineRun) -> RenderSettings,
                remoteLabel: String?) throws {
        var images: [GeneratedImage] = []
        var recorded: [RenderSettings] = []
        var notesShown = Set<String>()
        var loaded = model   // after the first cell, as the engine described it (with its hash)
        for (cell, settings) in zip(plan.cells, cells) {
            printError("easel: cell \(cell.index + 1) of \(cells.count): \(Self.labels(plan, cell))")
            let cellRequest = request(settings)
            try cellRequest.validate(for: engine.capabilities)
            let run: EngineRun
            do {
                run = try engine.run(cellRequest, on: loaded, loadingModel: cell.index == 0,
                                     interrupt: interrupt) { bar.report($0) }
                loaded = run.model
            } catch EngineError.cancelled {
                bar.finish()
                printError("easel: interrupted; no file written")
                throw ExitCode(130)
            }
            bar.finish()
            for note in run.notes where notesShown.insert(note).inserted { printError("easel: \(note)") }
            images.append(contentsOf: run.images.prefix(1))
            recorded.append(record(settings, run))
        }
        let sheet = ComparisonSheet.compose(cells: images.map(\.image), columnLabels: plan.x.labels, rowLabels: plan.y?.labels)
        for ((image, settings), path) in zip(zip(images, recorded), cellPaths) {
            try PNGFile.write(image.image, text: Self.text(image.infotext ?? Infotext.format(settings), remoteLabel), to: path)
            printText(path.path)
        }
        // The sheet's infotext: the base settings (with the model as the engine named it) and the
        // axes, as xyz_grid.py adds them to its grid's parameters.
        var sheetSettings = base
        sheetSettings.modelName = recorded.first?.modelName ?? base.modelName
        sheetSettings.modelHash = recorded.first?.modelHash ?? base.modelHash
        sheetSettings.extraParameters += plan.infotextFields
        try PNGFile.write(sheet, text: Self.text(Infotext.format(sheetSettings), remoteLabel), to: sheetPath)
        printText(sheetPath.path)
    }

    private static func text(_ parameters: String, _ remoteLabel: String?) -> [(key: String, value: String)] {
        [(key: "parameters", value: parameters)] + (remoteLabel.map { [(key: "engine", value: $0)] } ?? [])
    }

    /// "CFG Scale: 4, Seed: 1": the cell's labels.
    static func labels(_ plan: ComparisonPlan, _ cell: ComparisonPlan.Cell) -> String {
        var parts = [plan.x.label(at: cell.column)]
        if let y = plan.y { parts.append(y.label(at: cell.row)) }
        return parts.joined(separator: ", ")
    }
}
