import Catalog
import Foundation
import Models

/// What `easel info MODEL` prints about a checkpoint, from its header(s) and JSON only: the
/// detected family and whether this engine renders it, each network's hyper-parameters (for
/// families with an SD-style UNet, rendered or not), the tensor dtypes, and the model's own
/// metadata (name, trigger words, other `modelspec.*` keys).
public struct ModelDescription: Sendable {
    /// `key: value` lines in print order.
    public var lines: [(key: String, value: String)]

    /// Describes `url`; a file that is no checkpoint (a LoRA, a pickle, an unknown file) throws
    /// the loader's one-line error.
    public static func describe(_ url: URL) throws -> ModelDescription {
        let family = try ArchitectureDetector.probe(url)
        let renders = ArchitectureDetector.loadableFamilies.contains(family)
        var lines: [(String, String)] = [("family", "\(family.displayName) (\(family.rawValue))"
                                                      + (renders ? "" : "; Easel cannot render it yet"))]
        if let a = try? ArchitectureDetector.detect(url) { lines += networks(a) }
        let metadata = CheckpointMetadata.read(url)
        lines.append(("dtype", metadata.tensorCounts.sorted { $0.value > $1.value }
                        .map { "\($0.key) (\($0.value) tensor\($0.value == 1 ? "" : "s"))" }.joined(separator: ", ")))
        if let title = metadata.title { lines.append(("name", title)) }
        if let trigger = metadata.triggerWords { lines.append(("trigger words", trigger)) }
        let shown = Set(CheckpointMetadata.titleKeys + CheckpointMetadata.triggerKeys)
        for (key, value) in metadata.entries.sorted(by: { $0.key < $1.key })
        where key.hasPrefix("modelspec.") && !shown.contains(key) && value.count <= 200 {
            lines.append((key, value))
        }
        return ModelDescription(lines: lines)
    }

    /// One line per network.
    static func networks(_ a: ModelArchitecture) -> [(String, String)] {
        let u = a.unet
        let widths = u.channelMult.map { String($0 * u.modelChannels) }.joined(separator: ", ")
        var unet = "widths [\(widths)], \(u.numResBlocks) ResBlocks per level, transformer depth \(u.transformerDepth)"
            + " (middle \(u.middleTransformerDepth)), heads \(heads(u.heads)), \(u.projection.rawValue) projections,"
            + " context \(u.contextDim), in/out channels \(u.inChannels)/\(u.outChannels)"
        if let adm = u.admInChannels { unet += ", y width \(adm)" }
        var lines = [("UNet", unet)]
        let v = a.vae
        lines.append(("VAE", "base width \(v.channels), multipliers \(v.channelMult), \(v.latentChannels) latent channels,"
                      + " scale \(a.latent.scaleFactor)" + (a.vaeNeedsFP32 ? ", decodes in fp32" : "")))
        for (index, t) in a.textEncoders.enumerated() {
            var text = "width \(t.hiddenSize), \(t.numLayers) layers, \(t.numHeads) heads, MLP \(t.intermediateSize),"
                + " \(t.activation == .gelu ? "gelu" : "quick_gelu")"
            if let projection = t.projectionWidth { text += ", pooled projection \(projection)" }
            lines.append(("text encoder \(index + 1)", text))
        }
        lines.append(("prediction", a.prediction.rawValue))
        return lines
    }

    private static func heads(_ heads: AttentionHeads) -> String {
        switch heads {
        case let .count(n): return "\(n) per transformer"
        case let .width(w): return "\(w) wide"
        }
    }
}
