import SafeTensors
import Tensor

/// One module of an adapter file: the tensors that rebuild ΔW for one layer weight, read
/// lazily from the (memory-mapped) file, and the scale they carry.
public struct AdapterModule: Sendable {
    /// The module's name in the file (`lora_unet_input_blocks_1_1_proj_in`, `unet.down_blocks…to_q`).
    public let name: String
    public let kind: AdapterModuleKind
    /// Suffix → key in the file.
    let tensors: [String: String]
    let file: SafeTensorsFile

    init(name: String, kind: AdapterModuleKind, tensors: [String: String], file: SafeTensorsFile) {
        self.name = name
        self.kind = kind
        self.tensors = tensors
        self.file = file
    }

    func has(_ suffix: String) -> Bool { tensors[suffix] != nil }

    func shape(_ suffix: String) -> [Int]? { tensors[suffix].flatMap { file.entries[$0]?.shape } }

    func tensor(_ suffix: String) throws -> Tensor {
        guard let key = tensors[suffix] else { throw fail("no '\(suffix)' tensor") }
        return try file.tensor(key)
    }

    /// A scalar tensor (`alpha`, `scale`) as a number.
    func scalar(_ suffix: String) throws -> Float? {
        guard has(suffix) else { return nil }
        let t = try tensor(suffix)
        guard t.count == 1 else { throw fail("'\(suffix)' holds \(t.count) values, not one") }
        return t.pointer[0]
    }

    func fail(_ reason: String) -> AdapterError {
        .badModule(file: file.displayName, module: name, reason: reason)
    }
}
