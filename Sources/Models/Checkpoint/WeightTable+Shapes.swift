extension WeightTable {
    /// The shape of `key`, which must exist with `rank` dimensions; otherwise an
    /// "cannot detect the <component> architecture" error naming the key as in the file.
    func requiredShape(_ key: String, rank: Int, component: String) throws -> [Int] {
        guard let shape = shape(key) else {
            throw undetectable(component, "tensor '\(fileKey(key))' is missing")
        }
        guard shape.count == rank, shape.allSatisfy({ $0 > 0 }) else {
            throw undetectable(component, "tensor '\(fileKey(key))' has shape \(shape), expected \(rank) non-zero dimensions")
        }
        return shape
    }

    /// How many of `key(0)`, `key(1)`, ... exist, counting up from 0.
    func consecutiveCount(_ key: (Int) -> String) -> Int {
        var count = 0
        while contains(key(count)) { count += 1 }
        return count
    }

    func undetectable(_ component: String, _ detail: String) -> CheckpointError {
        .undetectable(file: file.displayName, component: component, detail: detail)
    }
}
