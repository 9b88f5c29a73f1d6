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
        preview = PreviewImage(job: last, step: -1, isFinal: true, image: Self.paddedToFourPixels(sheet))   // its own cache key
        do {
            let url = try ImageSaver(outputFolder: options.outputFolder).save(sheet, settings: settings, kind: "xyz-grid")
            pending.append(.comparisonSaved(path: url.path))
        } catch {
            pending.append(.operationFailed("Comparison: \(error)"))
        }
    }

    /// The sheet widened with white to a multiple of 4 pixels for the preview: the sixel path
    /// hands chafa the picture as it is, and a row of 241 pixels (723 bytes, not a multiple of
    /// 4) came out sheared in xterm (term-shot at 80×24); renders are multiples of 8 wide.
    static func paddedToFourPixels(_ image: RGBImage) -> RGBImage {
        let width = (image.width + 3) / 4 * 4
        guard width != image.width else { return image }
        var pixels = [UInt8](repeating: 255, count: width * image.height * 3)
        for y in 0..<image.height {
            let from = y * image.width * 3
            pixels.replaceSubrange((y * width * 3)..<(y * width * 3 + image.width * 3),
                                   with: image.pixels[from..<(from + image.width * 3)])
        }
        return (try? RGBImage(width: width, height: image.height, pixels: pixels)) ?? image
    }
}
