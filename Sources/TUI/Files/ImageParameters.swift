import Foundation
import Imaging
import RenderSettings
import TUICore

/// Reads the A1111 `parameters` text of a PNG into render settings, as an action for the reducer.
enum ImageParameters {
    static func read(_ path: String) -> Action {
        do {
            let text = try PNGFile.readText(from: URL(fileURLWithPath: path))
            guard let parameters = text["parameters"] else {
                return .operationFailed("\(path): no A1111 parameters in this PNG (no \"parameters\" text chunk)")
            }
            return .imageOpened(path: path, settings: try Infotext.parse(parameters))
        } catch {
            return .operationFailed("\(error)")
        }
    }
}
