/// What an engine reports, from its own thread.
public enum EngineEvent: Sendable {
    case modelLoading(EngineModel)
    case modelLoaded(EngineModel)
    case modelFailed(EngineModel, message: String)
    /// What was learnt about the loaded model after the load (its hash, which takes seconds
    /// for a large file). Follows every `.modelLoaded` exactly once, even with nothing new.
    case modelUpdated(EngineModel)
    /// A one-line remark for the user that is not a failure (a precision fallback, say).
    case note(String)
    /// The job began (after any model load).
    case started
    case progress(GenerationProgress)
    case finished([GeneratedImage], seconds: Double)
    case failed(String)
    case cancelled
}
