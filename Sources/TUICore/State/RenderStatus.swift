/// Where the live render stands. Job ids grow by one per started job, so events from a job that
/// was already replaced are recognised and ignored.
public enum RenderStatus: Equatable, Sendable {
    /// Nothing rendered yet, or the user stopped it.
    case idle
    /// A change arrived; a new job starts when the debounce delay has passed.
    case waiting
    /// A job is running.
    case running(RenderProgress)
    /// The last job completed.
    case finished(job: Int, seconds: Double, seed: UInt64, steps: Int)
    /// The last job failed.
    case failed(job: Int, message: String)
    /// No model can render (missing or broken file); prompt tools still work.
    case unavailable(message: String)

    public var runningJob: Int? {
        if case .running(let p) = self { return p.job }
        return nil
    }
}

/// Progress of a running job.
public struct RenderProgress: Equatable, Sendable {
    /// A step count at a time since the job started.
    public struct Mark: Equatable, Sendable {
        public var step: Int
        public var elapsed: Double
    }

    public var job: Int
    public var seed: UInt64
    public var step: Int
    public var totalSteps: Int
    /// Seconds since the job started, as of the last progress report.
    public var elapsed: Double
    /// The first report with a completed step: the rate counts from here, so the set-up before
    /// the first step (text encoding, noise) does not distort it.
    public var firstMark: Mark?

    public init(job: Int, seed: UInt64, totalSteps: Int) {
        self.job = job
        self.seed = seed
        step = 0
        self.totalSteps = totalSteps
        elapsed = 0
    }

    /// Records a progress report.
    public mutating func report(step: Int, total: Int, elapsed: Double) {
        self.step = step
        totalSteps = total
        self.elapsed = elapsed
        if firstMark == nil && step >= 1 { firstMark = Mark(step: step, elapsed: elapsed) }
    }

    /// Completed fraction 0…1.
    public var fraction: Double { totalSteps > 0 ? min(1, Double(step) / Double(totalSteps)) : 0 }

    /// Steps per second since the first mark (nil until a later step is reported).
    public var iterationsPerSecond: Double? {
        guard let first = firstMark, step > first.step, elapsed > first.elapsed else { return nil }
        return Double(step - first.step) / (elapsed - first.elapsed)
    }

    /// Seconds left at the current rate.
    public var secondsRemaining: Double? {
        guard let rate = iterationsPerSecond, rate > 0 else { return nil }
        return Double(totalSteps - step) / rate
    }
}
