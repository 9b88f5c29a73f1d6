import Foundation
import Models
import Tensor
import TestSupport

/// A minimal reader for the fixture `.safetensors` files (F32 and F16 only), used by these
/// tests until the checkpoint loader's `WeightTable` is available to them. It trusts the
/// fixture files and does none of the loader's validation.
struct FixtureTensors: WeightSource {
    struct Missing: Error, CustomStringConvertible {
        let key: String
        var description: String { "fixture tensor \(key) is missing or has another shape" }
    }

    let tensors: [String: Tensor]
    let prefix: String

    init(_ relativePath: String, prefix: String = "") throws {
        let data = try Fixtures.data(relativePath)
        let headerLength = data.prefix(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        let header = try JSONSerialization.jsonObject(with: data.subdata(in: 8..<8 + Int(headerLength))) as! [String: Any]
        let body = 8 + Int(headerLength)
        var tensors: [String: Tensor] = [:]
        for (key, value) in header {
            guard let info = value as? [String: Any], let dtype = info["dtype"] as? String,
                  dtype == "F32" || dtype == "F16" else { continue }
            let shape = (info["shape"] as! [Int])
            let offsets = info["data_offsets"] as! [Int]
            let bytes = data.subdata(in: body + offsets[0]..<body + offsets[1])
            let values: [Float] = bytes.withUnsafeBytes { raw in
                dtype == "F32" ? Array(raw.bindMemory(to: Float.self))
                               : raw.bindMemory(to: UInt16.self).map { Float(Float16(bitPattern: $0)) }
            }
            tensors[key] = Tensor(shape: shape, values: values)
        }
        self.tensors = tensors
        self.prefix = prefix
    }

    func tensor(_ key: String, shape: [Int]?) throws -> Tensor {
        guard let t = tensors[prefix + key], shape == nil || t.shape == shape! else { throw Missing(key: prefix + key) }
        return t
    }

    /// The same file seen under another key prefix.
    func scoped(_ prefix: String) -> FixtureTensors {
        FixtureTensors(tensors: tensors, prefix: prefix)
    }

    private init(tensors: [String: Tensor], prefix: String) {
        self.tensors = tensors
        self.prefix = prefix
    }

    subscript(_ key: String) -> Tensor { tensors[key]! }
}

/// The tiny fixture model's hyper-parameters, as its README and diffusers configs state.
enum TinyConfigs {
    static var clip: CLIPTextConfig {
        var c = CLIPTextConfig()
        c.hiddenSize = 64; c.numLayers = 3; c.numHeads = 1; c.intermediateSize = 256
        return c
    }

    static var unet: UNetConfig {
        var c = UNetConfig()
        c.modelChannels = 32; c.channelMult = [1, 1, 2, 2]; c.contextDim = 64
        return c
    }

    static var vae: VAEConfig {
        var c = VAEConfig()
        c.channels = 32; c.channelMult = [1, 1, 2, 2]
        return c
    }

    static let checkpoint = Result { try FixtureTensors("tiny-sd15.safetensors") }
}

/// Largest |a − b| divided by the largest |b| (the tolerance measure in the fixture README).
func relativeMaxError(_ got: Tensor, _ want: Tensor) -> Float {
    precondition(got.count == want.count)
    var diff: Float = 0
    for i in 0..<got.count { diff = max(diff, abs(got.pointer[i] - want.pointer[i])) }
    return diff / want.maxMagnitude
}
