import Foundation
import SafeTensors
import Tensor
import TestSupport

/// A fixture checkpoint with its UNet `conv_in` (`model.diffusion_model.input_blocks.0.0.weight`)
/// replaced by a wider one made in `tools/inpaint-model/` (the 9-channel inpainting models), written
/// to a temporary file so the ordinary checkpoint loader reads it.
enum WidenedCheckpoint {
    static let convInKey = "model.diffusion_model.input_blocks.0.0.weight"

    static func write(base: String, convIn: Tensor, label: String) throws -> URL {
        let file = try SafeTensorsFile(url: Fixtures.url(base))
        var writer = SafeTensorsWriter()
        for name in file.names {
            let entry = try file.entry(name)
            if entry.dtype == .i64 {
                writer.add(name, dtype: "I64", shape: entry.shape, bytes: try file.int64s(name).flatMap(littleEndianBytes))
            } else {
                let t = name == convInKey ? convIn : try file.tensor(name)
                writer.add(name, shape: t.shape, floats: t.values)
            }
        }
        let url = try Fixtures.temporaryDirectory(label).appendingPathComponent(label + ".safetensors")
        try writer.write(to: url)
        return url
    }
}
