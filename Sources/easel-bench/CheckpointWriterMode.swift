import Foundation
import Models
import Tensor

/// `--write-checkpoint FILE`: an A1111 single-file `.safetensors` with SD 1.5's real key names
/// and shapes and random fp16 weights (about 2 GiB), for tests against real servers (ComfyUI,
/// stable-diffusion.cpp's `sd-server`), which refuse the tiny-width fixtures. The key table is
/// not written out by hand: the three networks are built once from a source that records
/// every key and shape they ask for (`ShapeRecorder`), and each recorded tensor is then filled
/// with `RandomWeights`' values (seeded by key name, so the file is the same on every machine)
/// and written as fp16. Safetensors layout: huggingface/safetensors `README.md`.
struct CheckpointWriterMode {
    /// Key prefixes of the LDM single-file layout (`Models.SingleFileKeyMaps`).
    static let components: [(prefix: String, build: (WeightSource) throws -> Void)] = [
        ("model.diffusion_model.", { _ = try UNetModel(weights: $0, config: UNetConfig()) }),
        ("first_stage_model.", { source in
            let vae = try VAEModel(weights: source, config: VAEConfig())
            _ = try vae.encode(Tensor(zeros: [1, 3, 8, 8]))   // builds the encoder, whose weights load on first use
        }),
        ("cond_stage_model.transformer.text_model.", { _ = try CLIPTextModel(weights: $0, config: CLIPTextConfig()) }),
    ]

    static func run(_ options: BenchOptions) throws {
        guard let path = options.value("--write-checkpoint") else { throw BenchError("--write-checkpoint needs a file") }
        var entries: [(key: String, shape: [Int])] = []
        for component in components {
            let recorder = ShapeRecorder()
            try component.build(recorder)
            entries += recorder.keys.map { (component.prefix + $0.key, $0.shape) }
        }
        let out = URL(fileURLWithPath: path)
        let temporary = out.appendingPathExtension("tmp")
        try write(entries, to: temporary)
        _ = try? FileManager.default.removeItem(at: out)
        try FileManager.default.moveItem(at: temporary, to: out)
        let parameters = entries.reduce(0) { $0 + $1.shape.reduce(1, *) }
        print("wrote \(path): \(entries.count) tensors, \(parameters) parameters, fp16")
    }

    /// Header first (offsets from the recorded shapes), then each tensor's fp16 bytes.
    private static func write(_ entries: [(key: String, shape: [Int])], to url: URL) throws {
        var header: [String: Any] = ["__metadata__": ["format": "pt", "easel": "random SD 1.5-shape weights"]]
        var offset = 0
        for entry in entries {
            let bytes = entry.shape.reduce(2, *)
            header[entry.key] = ["dtype": "F16", "shape": entry.shape, "data_offsets": [offset, offset + bytes]]
            offset += bytes
        }
        var json = [UInt8](try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]))
        while json.count % 8 != 0 { json.append(0x20) }
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let file = try FileHandle(forWritingTo: url)
        defer { try? file.close() }
        var length = UInt64(json.count).littleEndian
        try file.write(contentsOf: Data(bytes: &length, count: 8) + Data(json))
        let random = RandomWeights()
        for entry in entries {
            // RandomWeights sees the canonical key (prefix stripped), as the loader would.
            let canonical = components.map(\.prefix).first { entry.key.hasPrefix($0) }.map { String(entry.key.dropFirst($0.count)) }
            let values = try random.tensor(canonical ?? entry.key, shape: entry.shape)
            var halves = [UInt16](repeating: 0, count: values.count)
            for i in 0..<values.count { halves[i] = Float16(values.pointer[i]).bitPattern.littleEndian }
            try file.write(contentsOf: halves.withUnsafeBytes { Data($0) })
        }
    }
}

/// A weight source that hands out zeros of any requested shape and remembers each key and
/// shape, in the order asked.
final class ShapeRecorder: WeightSource {
    private(set) var keys: [(key: String, shape: [Int])] = []
    private var seen: Set<String> = []

    func tensor(_ key: String, shape: [Int]?) throws -> Tensor {
        guard let shape else { throw RandomWeights.MissingShape(key: key) }
        if seen.insert(key).inserted { keys.append((key, shape)) }
        return Tensor(zeros: shape)
    }
}
