/// One model's own recommended ranges, shown on the sliders instead of its family's. The demo
/// model is an SD 1.x checkpoint, but it was trained at 64×64 and renders in about 20 steps, far
/// from SD 1.5's advice of 60 steps at 512 px.
public struct ModelAdvice: Equatable, Sendable {
    public var steps: ClosedRange<Int>
    public var cfg: ClosedRange<Double>
    /// The largest side worth rendering (the training size for the demo model).
    public var maxSide: Int
    /// The words the model knows, when it knows only a few (nil: a general model).
    public var vocabulary: ModelVocabulary?

    public init(steps: ClosedRange<Int>, cfg: ClosedRange<Double>, maxSide: Int, vocabulary: ModelVocabulary? = nil) {
        self.steps = steps
        self.cfg = cfg
        self.maxSide = maxSide
        self.vocabulary = vocabulary
    }

    /// `width`×`height` at `steps` fitted to the model: its native square size when a side is
    /// larger than it serves, the steps capped at the advice's upper end; nil when it fits.
    public func fitted(width: Int, height: Int, steps: Int) -> (width: Int, height: Int, steps: Int)? {
        let size = max(width, height) > maxSide ? (maxSide, maxSide) : (width, height)
        let capped = min(steps, self.steps.upperBound)
        if size == (width, height) && capped == steps { return nil }
        return (size.0, size.1, capped)
    }
}
