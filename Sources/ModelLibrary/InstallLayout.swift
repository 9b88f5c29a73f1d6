import Foundation

/// Where an A1111 or ComfyUI install keeps its models, as data.
///
/// Sources: A1111's defaults — `modules/cmd_args.py` (`--ckpt-dir` → `models/Stable-diffusion`,
/// `--embeddings-dir` = `embeddings`), `extensions-builtin/Lora/preload.py` (`--lora-dir` =
/// `models/Lora`, `--lyco-dir-backcompat` = `models/LyCORIS`); ComfyUI `folder_paths.py`
/// (`checkpoints`, `loras`, `embeddings` under `models/`).
public struct InstallLayout: Sendable, Equatable {
    public var name: String
    /// A folder whose presence identifies the install.
    public var marker: String
    public var checkpoints: [String]
    public var loras: [String]
    public var embeddings: [String]

    public static let a1111 = InstallLayout(name: "A1111", marker: "models/Stable-diffusion",
                                            checkpoints: ["models/Stable-diffusion"], loras: ["models/Lora", "models/LyCORIS"],
                                            embeddings: ["embeddings"])
    public static let comfyUI = InstallLayout(name: "ComfyUI", marker: "models/checkpoints",
                                              checkpoints: ["models/checkpoints"], loras: ["models/loras"],
                                              embeddings: ["models/embeddings"])
    public static let all = [a1111, comfyUI]

    /// The layout of the install at `folder`, or nil when it is neither.
    public static func detect(_ folder: URL) -> InstallLayout? {
        all.first { isFolder(folder.appendingPathComponent($0.marker)) }
    }
}

func isFolder(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
}
