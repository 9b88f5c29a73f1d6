/// What kind of model a checkpoint holds, as one value the rest of Easel switches on.
///
/// Produced by the model detector in `Models` (`ArchitectureDetector`) from key names and
/// tensor shapes, as ComfyUI's `comfy/model_detection.py` and stable-diffusion.cpp's
/// `model.cpp` (`get_sd_version`) decide it. Engines list the families they render in
/// `EngineCapabilities`; a family no engine renders is refused with one line naming it.
public enum CheckpointFamily: String, CaseIterable, Codable, Sendable {
    case sd1
    case sd1Inpainting = "sd1-inpainting"
    case sd2
    case sdxl
    case sdxlRefiner = "sdxl-refiner"
    case sdxlInpainting = "sdxl-inpainting"
    case sd3
    case flux
    case instructPix2Pix = "instruct-pix2pix"
    case sd2Depth = "sd2-depth"
    case sdUpscaler = "sd-upscaler"

    /// The name users know, as error messages and the workbench show it.
    public var displayName: String {
        switch self {
        case .sd1: return "SD 1.x"
        case .sd1Inpainting: return "SD 1.x inpainting"
        case .sd2: return "SD 2.x"
        case .sdxl: return "SDXL"
        case .sdxlRefiner: return "SDXL refiner"
        case .sdxlInpainting: return "SDXL inpainting"
        case .sd3: return "SD3"
        case .flux: return "FLUX"
        case .instructPix2Pix: return "InstructPix2Pix"
        case .sd2Depth: return "SD 2.x depth"
        case .sdUpscaler: return "SD x4 upscaler"
        }
    }
}
