import Tensor

/// Anything that hands out named fp32 weight tensors: the checkpoint loader's weight table,
/// or random weights in the benchmark. Names are the canonical (LDM single-file, component
/// prefix stripped) keys; `shape`, when given, is checked and a mismatch is an error naming
/// the key.
public protocol WeightSource {
    func tensor(_ key: String, shape: [Int]?) throws -> Tensor
}

/// A view of a `WeightSource` under a key prefix, mirroring the module tree of the reference
/// network (`input_blocks.1.1.` → `transformer_blocks.0.` → `attn1.to_q.weight`), with the
/// precision its layers multiply in (bf16 layers pack their weights as they load).
public struct WeightScope {
    public let source: WeightSource
    public let prefix: String
    public let precision: Precision

    public init(_ source: WeightSource, prefix: String = "", precision: Precision = .fp32) {
        self.source = source
        self.prefix = prefix
        self.precision = Precision.resolve(precision)
    }

    /// The tensor `prefix + name`, which must have `shape`.
    public func callAsFunction(_ name: String, _ shape: [Int]) throws -> Tensor {
        try source.tensor(prefix + name, shape: shape)
    }

    /// The scope `prefix + name + "."`.
    public func child(_ name: String) -> WeightScope {
        WeightScope(source, prefix: prefix + name + ".", precision: precision)
    }
}
