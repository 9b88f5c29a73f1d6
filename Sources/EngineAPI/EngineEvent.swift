/// What an engine reports, from its own thread.
public enum EngineEvent: Sendable {
    case modelLoading(EngineModel)
    case modelLoaded(EngineModel)
    case modelFailed(EngineModel, message: String)
    /// The job began (after any model load).
    case started
    case progress(GenerationProgress)
    case finished([GeneratedImage], seconds: Double)
    case failed(String)
    case cancelled
}
