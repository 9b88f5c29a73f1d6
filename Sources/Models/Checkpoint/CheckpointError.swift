import UntrustedText
/// Why a checkpoint cannot be loaded. Each description is one line that starts with the file
/// or folder concerned. (Problems inside a `.safetensors` file itself, including a missing
/// tensor, are `SafeTensorsError`s.)
public enum CheckpointError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A known model family Easel cannot run yet (SD 2.x, the SDXL refiner, FLUX, SD3, inpainting, ...).
    case unsupportedFamily(file: String, family: String)
    /// A file of another kind than a full checkpoint (a LoRA, a lone VAE, an embedding).
    case notACheckpoint(file: String, kind: String)
    /// A file or folder that is no Stable Diffusion checkpoint Easel recognises.
    case unrecognised(file: String, detail: String)
    /// A pickle (`.ckpt`, `.pt`, `.bin`) file, which Easel never unpickles.
    case pickle(file: String)
    /// A required part (weights file or key group) is absent.
    case missingComponent(file: String, detail: String)
    /// A tensor exists but its shape differs from what the network needs.
    case shapeMismatch(file: String, key: String, shape: [Int], expected: [Int])
    /// The architecture cannot be read from the tensor shapes.
    case undetectable(file: String, component: String, detail: String)
    /// A JSON side file (`model_index.json`, `scheduler_config.json`) is unreadable.
    case invalidConfig(file: String, detail: String)

    public var description: String {
        switch self {
        case let .unsupportedFamily(file, family):
            return "\(file): model family \(family) is not supported yet (Easel runs SD 1.x and SDXL)"
        case let .notACheckpoint(file, kind):
            return "\(file): this is \(kind), not a full Stable Diffusion checkpoint"
        case let .unrecognised(file, detail):
            return "\(file): not a Stable Diffusion checkpoint Easel recognises: \(detail)"
        case let .pickle(file):
            return "\(file): pickle checkpoints (.ckpt/.pt/.bin) are not loaded, because unpickling can run code; "
                + "convert it to .safetensors first"
        case let .missingComponent(file, detail):
            return "\(file): \(detail)"
        case let .shapeMismatch(file, key, shape, expected):
            return "\(file): tensor '\(QuotedInput.shortened(key))' has shape \(shape), expected \(expected)"
        case let .undetectable(file, component, detail):
            return "\(file): cannot detect the \(component) architecture: \(detail)"
        case let .invalidConfig(file, detail):
            return "\(file): \(detail)"
        }
    }
}
