/// A value the restricted unpickler can build: plain data, storage references and tensors.
/// No object of any other class can be represented, so no other class can be instantiated.
public indirect enum PickleValue: Equatable, Sendable {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case bytes([UInt8])
    case list([PickleValue])
    case tuple([PickleValue])
    /// Keys in file order (OrderedDict and dict alike).
    case dict([(key: PickleValue, value: PickleValue)])
    /// A storage class named by an allowed global (`torch.FloatStorage`, …).
    case storageType(TorchStorageType)
    /// A persistent id: `('storage', type, key, location, count)`.
    case storage(TorchStorageReference)
    case tensor(TorchTensorReference)
    /// An allowed callable, before REDUCE applies it.
    case callable(AllowedGlobal)

    public static func == (a: PickleValue, b: PickleValue) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.float(x), .float(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.bytes(x), .bytes(y)): return x == y
        case let (.list(x), .list(y)), let (.tuple(x), .tuple(y)): return x == y
        case let (.dict(x), .dict(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case let (.storageType(x), .storageType(y)): return x == y
        case let (.storage(x), .storage(y)): return x == y
        case let (.tensor(x), .tensor(y)): return x == y
        case let (.callable(x), .callable(y)): return x == y
        default: return false
        }
    }

    /// The value under string key `key` of a dict.
    public subscript(key: String) -> PickleValue? {
        guard case let .dict(items) = self else { return nil }
        return items.first { $0.key == .string(key) }?.value
    }
}

/// torch's typed storage classes, by element type.
public enum TorchStorageType: String, Equatable, Sendable, CaseIterable {
    case float = "FloatStorage"
    case half = "HalfStorage"
    case bfloat16 = "BFloat16Storage"
    case double = "DoubleStorage"

    public var elementSize: Int {
        switch self {
        case .float: return 4
        case .half, .bfloat16: return 2
        case .double: return 8
        }
    }
}

/// A storage the archive holds at `data/<key>`, of `count` elements.
public struct TorchStorageReference: Equatable, Sendable {
    public var type: TorchStorageType
    public var key: String
    public var count: Int
}

/// `torch._utils._rebuild_tensor_v2(storage, offset, size, stride, …)`: a view of a storage.
public struct TorchTensorReference: Equatable, Sendable {
    public var storage: TorchStorageReference
    public var offset: Int
    public var shape: [Int]
    public var strides: [Int]
}

/// The only globals a pickle may name. Anything else (`posix.system`, `builtins.eval`, any
/// class) is refused before it could be called. The idea is A1111's `modules/safe.py`
/// `RestrictedUnpickler.find_class`, with a shorter list: what embeddings and LoRA `.pt`
/// files written by `torch.save` need.
public enum AllowedGlobal: Equatable, Sendable {
    case orderedDict
    case rebuildTensorV2
    case rebuildParameter

    /// The allowed global `module.name`, or nil.
    static func named(module: String, name: String) -> PickleValue? {
        switch (module, name) {
        case ("collections", "OrderedDict"): return .callable(.orderedDict)
        case ("torch._utils", "_rebuild_tensor_v2"): return .callable(.rebuildTensorV2)
        case ("torch._utils", "_rebuild_parameter"): return .callable(.rebuildParameter)
        case ("torch", _):
            return TorchStorageType(rawValue: name).map { .storageType($0) }
        default: return nil
        }
    }
}
