import EngineAPI
import Foundation
import Models

/// Finds and caches the TAESD decoder a job asks for (`EngineRequest.previewDecoder`).
/// Automatic lookup tries, for the family's file name (`LatentFormat.taesdDecoderFile`), the
/// model's folder, then each model folder and its `vae_approx/` (ComfyUI's
/// `models/vae_approx/`). A file named explicitly must exist.
final class TAESDLocator: @unchecked Sendable {
    private var cache: [String: TinyAutoencoderDecoder] = [:]
    private let lock = NSLock()

    /// The decoder for `choice`, or nil for the approximation.
    func decoder(_ choice: PreviewDecoder, fileName: String?, model: URL, folders: [URL]) throws -> TinyAutoencoderDecoder? {
        switch choice {
        case .approximation: return nil
        case .file(let path):
            guard FileManager.default.fileExists(atPath: path) else {
                throw EngineError.invalidRequest(field: "taesd", reason: "no such file \(path)")
            }
            return try load(path)
        case .automatic:
            guard let fileName else { return nil }
            let places = [model.deletingLastPathComponent()] + folders.flatMap { [$0, $0.appendingPathComponent("vae_approx")] }
            guard let found = places.map({ $0.appendingPathComponent(fileName).path })
                .first(where: FileManager.default.fileExists(atPath:)) else { return nil }
            return try? load(found)
        }
    }

    private func load(_ path: String) throws -> TinyAutoencoderDecoder {
        lock.lock(); defer { lock.unlock() }
        if let cached = cache[path] { return cached }
        let decoder = try TinyAutoencoderDecoder(contentsOf: URL(fileURLWithPath: path))
        cache[path] = decoder
        return decoder
    }
}
