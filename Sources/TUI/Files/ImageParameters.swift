import Foundation
import Imaging
import PromptKit
import RenderSettings
import TUICore

/// Reads the A1111 `parameters` text of a PNG into render settings, and the grid of a PNG
/// Easel saved, as an action for the reducer.
enum ImageParameters {
    /// The text chunk holding the prompt grid as JSON.
    static let gridKey = "easel-grid"

    static func read(_ path: String) -> Action {
        do {
            let text = try PNGFile.readText(from: URL(fileURLWithPath: path))
            guard let parameters = text["parameters"] else {
                return .operationFailed("\(path): no A1111 parameters in this PNG (no \"parameters\" text chunk)")
            }
            // A grid that does not decode is ignored: the parameters alone still load.
            let grid = text[gridKey].flatMap { try? PromptGrid.fromJSON($0, source: path) }
            return .imageOpened(path: path, settings: try Infotext.parse(parameters), grid: grid)
        } catch {
            return .operationFailed("\(error)")
        }
    }
}
