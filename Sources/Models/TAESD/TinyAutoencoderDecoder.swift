import Foundation
import SafeTensors
import Tensor

/// TAESD, the tiny autoencoder's decoder (`taesd_decoder.safetensors` for SD 1.x,
/// `taesdxl_decoder.safetensors` for SDXL): scaled latent → picture in a few ms per step.
///
/// Port of madebyollin/taesd `taesd.py` `Decoder` (= diffusers `models/autoencoders/vae.py`
/// `DecoderTiny`): `Clamp` (`tanh(x/3)·3`), conv + ReLU, then stages of `Block`s
/// (`relu(conv(relu(conv(relu(conv(x))))) + skip(x))`, skip a 1×1 conv when the widths differ),
/// each stage but the last followed by `Upsample(2)` (nearest) and a bias-free conv, and a
/// final conv to RGB. The network outputs [0, 1]; `decode` returns `2x − 1` like the VAE
/// (diffusers `DecoderTiny.forward`'s `x.mul(2).sub(1)`). It takes the latent the UNet
/// samples, before any 1/scale (diffusers `AutoencoderTiny` has `scaling_factor` 1).
///
/// The layer sequence is read from the file's keys: `N.weight` is a conv (`N.bias` optional),
/// `N.conv.0.weight` a block; a weightless index is the ReLU after the first conv, else an
/// upsample. `decoder.layers.N` (diffusers' naming) is index `N + 1` (`keyMap`).
public final class TinyAutoencoderDecoder: @unchecked Sendable {
    enum Layer {
        case conv(Conv2dLayer)
        case block(conv0: Conv2dLayer, conv1: Conv2dLayer, conv2: Conv2dLayer, skip: Conv2dLayer?)
        case relu
        case upsample
    }

    /// Key prefixes and the index offset they carry: `(prefix, offset)`.
    static let keyMap: [(prefix: String, offset: Int)] = [("decoder.layers.", 1), ("", 0)]

    let layers: [Layer]
    public let latentChannels: Int

    /// Reads the decoder from `url`; a file that is not one is refused naming it.
    public convenience init(contentsOf url: URL, precision: Precision = .fp32) throws {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw CheckpointError.unrecognised(file: url.lastPathComponent, detail: "no such TAESD file")
        }
        try self.init(file: try SafeTensorsFile(url: url), precision: precision)
    }

    init(file: SafeTensorsFile, precision: Precision) throws {
        let (tensors, name) = (Self.canonical(file), file.displayName)
        func tensor(_ key: String) throws -> Tensor {
            guard let source = tensors[key] else {
                throw CheckpointError.unrecognised(file: name, detail: "no TAESD decoder weight '\(key)'")
            }
            return try file.tensor(source)
        }
        func conv(_ key: String) throws -> Conv2dLayer {
            let weight = try tensor(key + ".weight")
            let bias = tensors[key + ".bias"] != nil ? try tensor(key + ".bias") : Tensor(zeros: [weight.shape[0]])
            return Conv2dLayer(weight: weight, bias: bias, precision: precision)
        }
        let last = tensors.keys.compactMap { Int($0.split(separator: ".")[0]) }.max() ?? 0
        var layers: [Layer] = []
        for index in 0...last {
            let key = String(index)
            if tensors[key + ".conv.0.weight"] != nil {
                let skip = tensors[key + ".skip.weight"] != nil ? try conv(key + ".skip") : nil
                layers.append(.block(conv0: try conv(key + ".conv.0"), conv1: try conv(key + ".conv.2"),
                                     conv2: try conv(key + ".conv.4"), skip: skip))
            } else if tensors[key + ".weight"] != nil {
                layers.append(.conv(try conv(key)))
            } else if index > 0 {
                layers.append(layers.count == 1 ? .relu : .upsample)
            }
        }
        guard case .conv? = layers.first, case .conv(let final)? = layers.last, final.weight.outputs == 3,
              let first = tensors["1.weight"], let inputs = try file.entry(first).shape.dropFirst().first else {
            throw CheckpointError.unrecognised(file: name, detail: "not a TAESD decoder (no conv from the latent to RGB)")
        }
        self.layers = layers
        latentChannels = inputs
    }

    /// Every key under its canonical (TAESD) name → the file's key.
    static func canonical(_ file: SafeTensorsFile) -> [String: String] {
        var names: [String: String] = [:]
        for key in file.names {
            guard let rule = keyMap.first(where: { key.hasPrefix($0.prefix) }) else { continue }
            let rest = key.dropFirst(rule.prefix.count)
            guard let dot = rest.firstIndex(of: "."), let index = Int(rest[..<dot]) else { continue }
            names["\(index + rule.offset)\(rest[dot...])"] = key
        }
        return names
    }

    /// latent [B, C, h, w] (the UNet's scaled latent) → picture [B, 3, 8h, 8w] in about [-1, 1].
    public func decode(_ latent: Tensor) -> Tensor {
        var x = latent.map { tanh($0 / 3) * 3 }                                   // [B, C, h, w]
        for layer in layers {
            switch layer {
            case .conv(let conv): x = conv(x)
            case .relu: x = x.map { max($0, 0) }
            case .upsample: x = x.upsampledNearest2x()                            // [B, C, 2h, 2w]
            case let .block(conv0, conv1, conv2, skip):
                let h = conv2(conv1(conv0(x).map { max($0, 0) }).map { max($0, 0) })
                x = h.adding(skip.map { $0(x) } ?? x).map { max($0, 0) }
            }
        }
        return x.map { $0 * 2 - 1 }                                               // [B, 3, 8h, 8w]
    }
}

extension Tensor {
    /// A new tensor of `body(value)` per value.
    func map(_ body: (Float) -> Float) -> Tensor {
        let out = Tensor(zeros: shape)
        for i in 0..<count { out.pointer[i] = body(pointer[i]) }
        return out
    }
}
