import Foundation
import SafeTensors
import TestSupport

/// Writes a `.safetensors` file whose tensors are `keys` (names and shapes, as the detector
/// sees them; the values are zeros) into a fresh temporary folder.
func writeHeaderOnlyFile(_ keys: [(String, [Int])], name: String, folder: String) throws -> URL {
    var writer = SafeTensorsWriter()
    for (key, shape) in keys { writer.add(key, shape: shape) }
    let url = try Fixtures.temporaryDirectory(folder).appendingPathComponent(name)
    try writer.write(to: url)
    return url
}
