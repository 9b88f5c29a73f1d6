import Catalog
import Foundation
import SafeTensors

extension ArchitectureDetector {
    /// The family of an A1111/civitai single file from its key names and shapes (`shapes`:
    /// key → shape, as in the header), or a one-line refusal naming `file` for another kind of
    /// file. A marker prefix names the base family (`keyMarkers`); without one, UNet keys
    /// (`model.diffusion_model.*`) mean SD 1.x. The UNet's input width and `y` width then pick
    /// the variant (`inputChannelVariants`, `admVariants`).
    public static func family(ofSingleFileKeys shapes: [String: [Int]], file: String) throws -> CheckpointFamily {
        let names = shapes.keys
        for marker in keyMarkers where names.contains(where: { $0.hasPrefix(marker.prefix) }) {
            switch marker.verdict {
            case let .family(family): return variant(of: family, shapes)
            case let .otherKind(kind): throw CheckpointError.notACheckpoint(file: file, kind: kind)
            }
        }
        if names.contains(where: { $0.hasPrefix(SingleFileKeyMaps.unet.prefix) }) { return variant(of: .sd1, shapes) }
        if !names.isEmpty, names.allSatisfy({ key in standaloneVAEPrefixes.contains { key.hasPrefix($0) } }) {
            throw CheckpointError.notACheckpoint(file: file, kind: "a standalone VAE")
        }
        if names.contains(where: { $0.hasPrefix("down_blocks.") || $0.hasPrefix("mid_block.") }) {
            throw CheckpointError.unrecognised(file: file, detail: "it is one part of a diffusers folder; open the folder instead")
        }
        throw CheckpointError.unrecognised(file: file, detail: "no UNet keys (model.diffusion_model.*)")
    }

    /// `family` refined by the single file's UNet input width, `y` width and text width.
    private static func variant(of family: CheckpointFamily, _ shapes: [String: [Int]]) -> CheckpointFamily {
        let unet = SingleFileKeyMaps.unet.prefix
        let textWidth = [SingleFileKeyMaps.text, SingleFileKeyMaps.legacyText].lazy
            .compactMap { shapes[$0.prefix + "embeddings.token_embedding.weight"] }.first
        if family == .sd1, textWidth?.count == 2, textWidth?[1] == sd2TextWidth {
            return variant(of: .sd2, shapes)
        }
        return variant(of: family, inputChannels: shapes[unet + "input_blocks.0.0.weight"],
                       label: shapes[unet + "label_emb.0.0.weight"])
    }

    /// `family` refined by the UNet's input conv [C, in, 3, 3] and `label_emb.0.0` [T, adm] shapes.
    static func variant(of family: CheckpointFamily, inputChannels convIn: [Int]?, label: [Int]?) -> CheckpointFamily {
        if let convIn, convIn.count == 4, let found = inputChannelVariants[family]?[convIn[1]] { return found }
        if let label, label.count == 2, let found = admVariants[family]?[label[1]] { return found }
        return family
    }

    /// File extensions of PyTorch pickle checkpoints.
    static let pickleExtensions: Set<String> = ["ckpt", "pt", "pth", "bin"]

    /// Opens a single file's header, refusing pickles by extension or by their first bytes.
    static func openSingleFile(_ url: URL) throws -> SafeTensorsFile {
        let name = url.lastPathComponent
        if pickleExtensions.contains(url.pathExtension.lowercased()) { throw CheckpointError.pickle(file: name) }
        do {
            return try SafeTensorsFile(url: url)
        } catch let error as SafeTensorsError {
            // A renamed pickle fails the header check; say what it really is.
            if startsLikePickle(url) { throw CheckpointError.pickle(file: name) }
            throw error
        }
    }

    /// True for a zip archive (`torch.save` since torch 1.6) or a raw pickle stream (the PROTO
    /// opcode 0x80 and a protocol version 2–5), whatever the file is called.
    static func startsLikePickle(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 4)) ?? Data())
        guard head.count == 4 else { return false }
        return head == [0x50, 0x4B, 0x03, 0x04] || (head[0] == 0x80 && (2...5).contains(head[1]))
    }
}
