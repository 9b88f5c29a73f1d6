import TUICore

extension WorkbenchApp {
    /// Preset file operations (waiting for PromptKit's preset store).
    func presetAction(for effect: Effect) -> Action {
        switch effect {
        case .reloadPresets: return .presetsLoaded([], errors: [])
        default: return .operationFailed("Presets are not available in this build yet")
        }
    }
}
