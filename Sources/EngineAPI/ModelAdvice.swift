/// One model's own recommended ranges, shown on the sliders instead of its family's. The demo
/// model is an SD 1.x checkpoint, but it was trained at 64×64 and renders in about 20 steps, far
/// from SD 1.5's advice of 60 steps at 512 px.
public struct ModelAdvice: Equatable, Sendable {
    public var steps: ClosedRange<Int>
    public var cfg: ClosedRange<Double>
    /// The largest side worth rendering (the training size for the demo model).
    public var maxSide: Int

    public init(steps: ClosedRange<Int>, cfg: ClosedRange<Double>, maxSide: Int) {
        self.steps = steps
        self.cfg = cfg
        self.maxSide = maxSide
    }
}
