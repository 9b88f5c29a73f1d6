import Tensor

/// Anything that hands out named fp32 weight tensors: the checkpoint loader's weight table,
/// or random weights in the benchmark. Names are the canonical (LDM single-file, component
/// prefix stripped) keys; `shape`, when given, is checked and a mismatch is an error naming
/// the key.
public protocol WeightSource {
    func tensor(_ key: String, shape: [Int]?) throws -> Tensor

    /// The tensor as the source first gave it, in fresh memory that nothing else shares, even
    /// after layers have overwritten what `tensor` returned (a LoRA merge writes into the
    /// layers' weights; restoring or re-merging starts from this).
    func originalTensor(_ key: String) throws -> Tensor

    /// The tensor as the file stores it when that is fp16 or bf16, borrowed, not widened (the
    /// fast mode's weights on CPUs without AVX512_BF16); nil when the source has no 16-bit
    /// form of it (fp32 files, random weights). Same names and shape check as `tensor`.
    func halfWeights(_ key: String, shape: [Int]?) throws -> HalfWeights?
}

extension WeightSource {
    /// Sources whose tensors are fresh on every call (random or widened weights).
    public func originalTensor(_ key: String) throws -> Tensor { try tensor(key, shape: nil).copy() }

    /// Sources without 16-bit storage.
    public func halfWeights(_ key: String, shape: [Int]?) throws -> HalfWeights? { nil }
}

/// A view of a `WeightSource` under a key prefix, mirroring the module tree of the reference
/// network (`input_blocks.1.1.` → `transformer_blocks.0.` → `attn1.to_q.weight`), with the
/// precision its layers multiply in (bf16 layers pack their weights as they load) and the
/// registry that records every layer weight an adapter may patch.
public struct WeightScope {
    public let source: WeightSource
    public let prefix: String
    public let precision: Precision
    /// Where layer weights are recorded by canonical key (nil: not recorded).
    public let registry: PatchableWeights?

    public init(_ source: WeightSource, prefix: String = "", precision: Precision = .fp32,
                registry: PatchableWeights? = nil) {
        self.source = source
        self.prefix = prefix
        self.precision = Precision.resolve(precision)
        self.registry = registry
    }

    /// The tensor `prefix + name`, which must have `shape`.
    public func callAsFunction(_ name: String, _ shape: [Int]) throws -> Tensor {
        try source.tensor(prefix + name, shape: shape)
    }

    /// The tensor `prefix + name` in the file's 16-bit form when the scope keeps half-stored
    /// weights (`Precision.fp32HalfWeights`) and the source has one; nil otherwise.
    func halfWeights(_ name: String, _ shape: [Int]) throws -> HalfWeights? {
        guard precision == .fp32HalfWeights else { return nil }
        return try source.halfWeights(prefix + name, shape: shape)
    }

    /// The tensor `prefix + name` (of `shape`, seen as `viewedAs` when given) as a layer
    /// weight in the scope's precision, recorded in the registry.
    func gemmWeight(_ name: String, _ shape: [Int], viewedAs view: [Int]? = nil,
                    layout: BF16Panels.Layout) throws -> GEMMWeight {
        if let half = try halfWeights(name, shape) {
            let weight = (view.map { half.viewed(as: $0) } ?? half).asLayerWeight
            registry?.record(prefix + name, weight, shape: view ?? shape, source: source)
            return weight
        }
        var tensor = try self(name, shape)
        if let view { tensor = tensor.reshaped(view) }
        let weight = GEMMWeight(tensor, precision: precision, layout: layout)
        registry?.record(prefix + name, weight, shape: tensor.shape, source: source)
        return weight
    }

    /// The scope `prefix + name + "."`.
    public func child(_ name: String) -> WeightScope {
        WeightScope(source, prefix: prefix + name + ".", precision: precision, registry: registry)
    }
}
