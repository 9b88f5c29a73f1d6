import Foundation
import SafeTensors
import TestSupport

/// Float tensors from a fixture `.safetensors` file, flattened.
struct FixtureTensors {
    private let file: SafeTensorsFile

    init(_ relativePath: String) throws {
        file = try SafeTensorsFile(url: Fixtures.url(relativePath))
    }

    func values(_ name: String) throws -> [Float] {
        try file.tensor(name).values
    }
}
