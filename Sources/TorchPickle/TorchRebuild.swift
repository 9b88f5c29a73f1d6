/// What REDUCE may do: apply one of `AllowedGlobal`'s callables to its argument tuple.
/// Reference: torch `torch/_utils.py`, `_rebuild_tensor_v2(storage, storage_offset, size,
/// stride, requires_grad, backward_hooks, metadata=None)` and `_rebuild_parameter(data,
/// requires_grad, backward_hooks)`.
enum TorchRebuild {
    static func apply(_ callable: PickleValue, arguments: PickleValue, file: String) throws -> PickleValue {
        guard case let .callable(global) = callable, case let .tuple(args) = arguments else {
            throw PickleError(file: file, reason: "REDUCE of something that is not an allowed callable")
        }
        switch global {
        case .orderedDict:
            guard args.isEmpty else { throw PickleError(file: file, reason: "OrderedDict with arguments") }
            return .dict([])
        case .rebuildParameter:
            guard let data = args.first, case .tensor = data else {
                throw PickleError(file: file, reason: "_rebuild_parameter without a tensor")
            }
            return data
        case .rebuildTensorV2:
            guard args.count >= 4, case let .storage(storage) = args[0], case let .int(offset) = args[1],
                  let shape = integers(args[2]), let strides = integers(args[3]), shape.count == strides.count,
                  offset >= 0, shape.allSatisfy({ $0 >= 0 }) else {
                throw PickleError(file: file, reason: "malformed _rebuild_tensor_v2 record")
            }
            return .tensor(TorchTensorReference(storage: storage, offset: offset, shape: shape, strides: strides))
        }
    }

    private static func integers(_ value: PickleValue) -> [Int]? {
        guard case let .tuple(items) = value else { return nil }
        let ints = items.compactMap { item -> Int? in if case let .int(i) = item { return i } else { return nil } }
        return ints.count == items.count ? ints : nil
    }
}
