/// Why an adapter (LoRA, LyCORIS, embedding) was refused: one line naming the file and, where
/// there is one, the module or tensor.
public enum AdapterError: Error, Equatable, CustomStringConvertible {
    /// The model has no patchable weight under this canonical key.
    case noSuchWeight(String)
    /// A module's tensors are incomplete or disagree with each other or with the model.
    case badModule(file: String, module: String, reason: String)
    /// The file is for another model family, or matches none of this model's layers.
    case wrongFamily(file: String, reason: String)
    /// The file cannot be read as an adapter at all.
    case unreadable(file: String, reason: String)

    public var description: String {
        switch self {
        case let .noSuchWeight(key): return "no patchable weight '\(key)'"
        case let .badModule(file, module, reason): return "\(file): \(module): \(reason)"
        case let .wrongFamily(file, reason): return "\(file): \(reason)"
        case let .unreadable(file, reason): return "\(file): \(reason)"
        }
    }
}
