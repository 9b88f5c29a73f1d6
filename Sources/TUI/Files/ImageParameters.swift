import Foundation
import Imaging
import PromptKit
import RenderSettings
import TUICore

/// Reads the A1111 `parameters` text of a PNG (or a ComfyUI PNG's `prompt` graph) into render
/// settings, and the grid of a PNG Easel saved, as an action for the reducer.
enum ImageParameters {
    /// The text chunk holding the prompt grid as JSON.
    static let gridKey = "easel-grid"

    static func read(_ path: String) -> Action {
        do {
            let text = try PNGFile.readText(from: URL(fileURLWithPath: path))
            guard let parameters = text["parameters"] else {
                // ComfyUI writes its graph instead: "prompt" (API format) and "workflow".
                if let graph = text["prompt"] {
                    return .imageOpened(path: path, settings: try ComfyWorkflow.parse(graph), grid: nil)
                }
                if text["workflow"] != nil {
                    return .operationFailed("\(path): a ComfyUI workflow without its \"prompt\" graph; save the image with ComfyUI's SaveImage node")
                }
                return .operationFailed("\(path): no A1111 parameters or ComfyUI graph in this PNG (no \"parameters\" or \"prompt\" text chunk)")
            }
            // A grid that does not decode is ignored: the parameters alone still load.
            let grid = text[gridKey].flatMap { try? PromptGrid.fromJSON($0, source: path) }
            return .imageOpened(path: path, settings: try Infotext.parse(parameters), grid: grid)
        } catch {
            return .operationFailed("\(error)")
        }
    }
}
