import Foundation
import SafeTensors

/// What a single-file checkpoint says about itself in its safetensors `__metadata__` (the
/// header only): Stability AI's model spec keys (`modelspec.title`, `modelspec.architecture`,
/// `modelspec.trigger_phrase`, …; github.com/Stability-AI/ModelSpec) and the kohya/civitai
/// style keys some trainers write (`ss_output_name`, `trigger_words`). Diffusers folders carry
/// none. Values are kept as written. Also how many tensors of each dtype the file (or the
/// folder's component files) holds.
public struct CheckpointMetadata: Equatable, Sendable {
    public var entries: [String: String]
    /// Tensor counts by safetensors dtype code (`F16`, `F32`, `I64`, …).
    public var tensorCounts: [String: Int]

    public init(entries: [String: String] = [:], tensorCounts: [String: Int] = [:]) {
        self.entries = entries
        self.tensorCounts = tensorCounts
    }

    /// The header facts of `url`: a single file's metadata and dtypes, or the dtypes of a
    /// diffusers folder's `*/*.safetensors`; empty when nothing can be read.
    public static func read(_ url: URL) -> CheckpointMetadata {
        guard let isFolder = try? ArchitectureDetector.isFolder(url) else { return CheckpointMetadata() }
        if !isFolder {
            guard let file = try? ArchitectureDetector.openSingleFile(url) else { return CheckpointMetadata() }
            return CheckpointMetadata(entries: file.metadata, tensorCounts: counts([file]))
        }
        let parts = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        let files = parts.sorted().flatMap { part -> [SafeTensorsFile] in
            let folder = url.appendingPathComponent(part)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { $0.hasSuffix(".safetensors") }
                .compactMap { try? SafeTensorsFile(url: folder.appendingPathComponent($0)) }
        }
        return CheckpointMetadata(tensorCounts: counts(files))
    }

    private static func counts(_ files: [SafeTensorsFile]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for file in files { for entry in file.entries.values { counts[entry.dtype.code, default: 0] += 1 } }
        return counts
    }

    /// Keys naming the model, most specific first.
    public static let titleKeys = ["modelspec.title", "name", "ss_output_name"]
    /// Keys holding trigger words.
    public static let triggerKeys = ["modelspec.trigger_phrase", "trigger_words", "activation text"]

    /// The model's own name, when the file gives one.
    public var title: String? { Self.titleKeys.lazy.compactMap { self.entries[$0] }.first { !$0.isEmpty } }
    /// Its trigger words, when the file gives them.
    public var triggerWords: String? { Self.triggerKeys.lazy.compactMap { self.entries[$0] }.first { !$0.isEmpty } }
}
