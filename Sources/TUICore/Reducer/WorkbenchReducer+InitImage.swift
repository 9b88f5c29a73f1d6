import Foundation

extension WorkbenchReducer {
    /// A loaded init image becomes part of the document (an undo step), with A1111's default
    /// strength 0.75 when none is set, and a render starts; the strength slider gets focus.
    func initImageLoaded(_ state: inout AppState, path: String, width: Int, height: Int) -> Reaction {
        var reaction = change(&state, kind: nil) {
            $0.initImagePath = path
            if $0.settings.denoisingStrength == nil { $0.settings.denoisingStrength = Document.defaultStrength }
        }
        state.renderForced = true
        state.parameter = .strength
        let name = path.hasPrefix("(") ? path : (path as NSString).lastPathComponent
        let size = state.document.settings
        let resized = width != size.width || height != size.height ? "; resized to \(size.width)×\(size.height) when rendering" : ""
        state.status = .success("Init image \(name) (\(width)×\(height)\(resized)); ←/→ on Strength, Shift-F7 drops it")
        reaction.redraw.formUnion([.status, .parameters, .preview])
        return reaction
    }
}

extension Document {
    /// A1111's img2img default "Denoising strength".
    public static let defaultStrength = 0.75
}
