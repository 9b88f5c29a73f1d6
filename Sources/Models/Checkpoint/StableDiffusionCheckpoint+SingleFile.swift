import Foundation
import SafeTensors

extension StableDiffusionCheckpoint {
    /// File extensions of PyTorch pickle checkpoints.
    static let pickleExtensions: Set<String> = ["ckpt", "pt", "pth", "bin"]

    /// Reads the A1111/civitai single-file layout.
    static func singleFileParts(_ url: URL) throws -> Parts {
        let name = url.lastPathComponent
        if pickleExtensions.contains(url.pathExtension.lowercased()) { throw CheckpointError.pickle(file: name) }
        let file: SafeTensorsFile
        do {
            file = try SafeTensorsFile(url: url)
        } catch let error as SafeTensorsError {
            // A renamed pickle fails the header check; say what it really is.
            if startsLikePickle(url) { throw CheckpointError.pickle(file: name) }
            throw error
        }
        try rejectOtherFamilies(file)
        let textMap = file.names.contains(where: { $0.hasPrefix(SingleFileKeyMaps.text.prefix) })
            ? SingleFileKeyMaps.text : SingleFileKeyMaps.legacyText
        let parts = Parts(layout: .singleFile,
                          unet: WeightTable(file: file, keyMap: SingleFileKeyMaps.unet),
                          vae: WeightTable(file: file, keyMap: SingleFileKeyMaps.vae),
                          text: WeightTable(file: file, keyMap: textMap),
                          prediction: file.entries["v_pred"] == nil ? .epsilon : .v,
                          tokenizerDirectory: nil)
        for (table, component) in [(parts.unet, "UNet"), (parts.vae, "VAE"), (parts.text, "text encoder")]
        where table.isEmpty {
            throw CheckpointError.missingComponent(
                file: name, detail: "no \(component) weights (no keys under '\(table.keyMap.prefix)')")
        }
        return parts
    }

    /// Refuses files whose keys mark another family or another kind of file.
    static func rejectOtherFamilies(_ file: SafeTensorsFile) throws {
        let names = file.names
        for marker in ModelFamilyMarkers.singleFile where names.contains(where: { $0.hasPrefix(marker.prefix) }) {
            throw marker.isOtherKind
                ? CheckpointError.notACheckpoint(file: file.displayName, kind: marker.family)
                : CheckpointError.unsupportedFamily(file: file.displayName, family: marker.family)
        }
        if names.contains(where: { $0.hasPrefix(SingleFileKeyMaps.unet.prefix) }) { return }
        if !names.isEmpty, names.allSatisfy({ key in ModelFamilyMarkers.standaloneVAEPrefixes.contains { key.hasPrefix($0) } }) {
            throw CheckpointError.notACheckpoint(file: file.displayName, kind: "a standalone VAE")
        }
        if names.contains(where: { $0.hasPrefix("down_blocks.") || $0.hasPrefix("mid_block.") }) {
            throw CheckpointError.unrecognised(
                file: file.displayName, detail: "it is one part of a diffusers folder; open the folder instead")
        }
        throw CheckpointError.unrecognised(file: file.displayName, detail: "no UNet keys (model.diffusion_model.*)")
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
