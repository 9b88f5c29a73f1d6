import Comparison
import Foundation
import Imaging
import RenderSettings
import TUICore

extension WorkbenchApp {
    /// The comparison's last cell finished: its cells become one labelled sheet, shown in the
    /// preview in place of the last cell and saved (as A1111 saves its X/Y grids) in the output
    /// folder with the axes in the infotext.
    func composeComparison(jobs: [Int], columnLabels: [String], rowLabels: [String]?, settings: RenderSettings) {
        let cells = jobs.compactMap { comparisonImages[$0] }
        comparisonImages = [:]
        guard cells.count == jobs.count, let last = jobs.last else {
            pending.append(.operationFailed("Comparison: \(jobs.count - cells.count) cell images are missing"))
            return
        }
        let sheet = ComparisonSheet.compose(cells: cells, columnLabels: columnLabels, rowLabels: rowLabels)
        preview = PreviewImage(job: last, step: -1, isFinal: true, image: sheet)   // its own cache key
        do {
            let url = try ImageSaver(outputFolder: options.outputFolder).save(sheet, settings: settings, kind: "xyz-grid")
            pending.append(.comparisonSaved(path: url.path))
        } catch {
            pending.append(.operationFailed("Comparison: \(error)"))
        }
    }
}
