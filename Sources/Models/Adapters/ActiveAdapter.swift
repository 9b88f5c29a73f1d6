/// A resolved network with the multipliers of its tag: `te` for text-encoder modules, `unet`
/// for the rest (A1111 `extensions-builtin/Lora/network.py`, `NetworkModule.multiplier`).
public struct ActiveAdapter: Sendable {
    public let adapter: ResolvedAdapter
    public var textMultiplier: Float
    public var unetMultiplier: Float

    public init(_ adapter: ResolvedAdapter, textMultiplier: Float, unetMultiplier: Float) {
        self.adapter = adapter
        self.textMultiplier = textMultiplier
        self.unetMultiplier = unetMultiplier
    }

    func multiplier(for component: AdapterComponent) -> Float {
        component.isTextEncoder ? textMultiplier : unetMultiplier
    }

    /// Tells networks apart across requests: the file they were read from.
    var identity: String { adapter.network.url.standardizedFileURL.path }
}
