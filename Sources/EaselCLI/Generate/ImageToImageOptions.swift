import ArgumentParser
import EngineAPI
import Foundation
import Imaging
import RenderSettings

/// `easel generate`'s img2img, inpainting, hires-fix, few-step and TAESD flags.
struct ImageToImageOptions: ParsableArguments {
    @Option(name: .customLong("init"), help: "Init image (PNG) for img2img; its size is fitted to --width/--height.")
    var initImage: String?
    @Option(parsing: .unconditional, help: "Denoising strength in (0, 1]: how much of the init image is repainted (A1111 'Denoising strength').")
    var strength: Double?
    @Option(help: "Inpainting mask (PNG, white = repaint), the init image's size. Without it, transparent pixels of the init image are repainted.")
    var mask: String?
    @Option(name: .customLong("mask-blur"), help: "Mask blur in pixels (A1111 'Mask blur'; default 4 with a mask).")
    var maskBlur: Int?
    @Option(name: .customLong("inpaint-area"), help: "whole (default) or masked: render only the masked region at full size and paste it back.")
    var inpaintArea: String?
    @Option(name: .customLong("inpaint-padding"), help: "Pixels around the masked region with --inpaint-area masked (default 32).")
    var inpaintPadding: Int?
    @Option(name: .customLong("init-latent"), help: "sample (A1111: a posterior sample) or mean (ComfyUI: the posterior mean).")
    var initLatent: String?
    @Option(name: .customLong("hires-scale"), help: "Hires fix: upscale the first pass by this factor (> 1) and run a second pass.")
    var hiresScale: Double?
    @Option(name: .customLong("hires-strength"), parsing: .unconditional, help: "Hires fix second-pass strength in (0, 1] (default 0.7).")
    var hiresStrength: Double?
    @Option(name: .customLong("hires-steps"), help: "Hires fix second-pass steps (default: the first pass's).")
    var hiresSteps: Int?
    @Option(name: .customLong("hires-upscaler"), help: "latent (bilinear), nearest-exact (latent) or lanczos (pixels).")
    var hiresUpscaler: String?
    @Option(name: .customLong("model-sampling"), help: "discrete, or lcm for LCM checkpoints and LoRAs (picked automatically when the model or a LoRA is named LCM).")
    var modelSampling: String?
    @Option(help: "TAESD decoder file for the previews (default: taesd_decoder.safetensors beside the model, when present).")
    var taesd: String?
    @Flag(name: .customLong("taesd-final"), help: "Decode the final image with TAESD too (faster, softer).")
    var taesdFinal = false

    /// Applies the settings flags; `--hires-*` without `--hires-scale` is an error.
    func apply(to settings: inout RenderSettings) throws {
        if let strength { settings.denoisingStrength = strength }
        if let maskBlur { settings.maskBlur = maskBlur }
        if let modelSampling {
            guard let sampling = ModelSampling.named(modelSampling) else {
                throw ValidationError("model-sampling: expected discrete or lcm, got '\(modelSampling)'")
            }
            settings.modelSampling = sampling
        }
        if hiresScale == nil, hiresStrength != nil || hiresSteps != nil || hiresUpscaler != nil {
            throw ValidationError("hires: --hires-strength, --hires-steps and --hires-upscaler need --hires-scale")
        }
        guard let hiresScale else { return }
        guard initImage == nil else { throw ValidationError("hires: the hires fix runs after txt2img only, not with --init") }
        var hires = HiresFix(scale: hiresScale, steps: hiresSteps ?? 0)
        if let hiresUpscaler {
            guard let upscaler = HiresUpscaler.named(hiresUpscaler) else {
                throw ValidationError("hires-upscaler: expected latent, nearest-exact or lanczos, got '\(hiresUpscaler)'")
            }
            hires.upscaler = upscaler
        }
        settings.hires = hires
        settings.denoisingStrength = hiresStrength ?? settings.denoisingStrength ?? HiresFix.defaultStrength
    }

    /// The init image and mask from the files, or nil without `--init`. A mask PNG is read as
    /// luma (Pillow `convert("L")`); the init image's transparent pixels are repainted too
    /// (A1111 `img2img.py`: `ImageChops.lighter(alpha_mask, mask)`, any alpha below 255 counts).
    func initImage(settings: inout RenderSettings) throws -> InitImage? {
        guard let path = initImage else {
            if mask != nil || strength != nil || initLatent != nil {
                throw ValidationError("init: --strength, --mask and --init-latent need --init IMAGE")
            }
            return nil
        }
        guard settings.denoisingStrength != nil else { throw ValidationError("strength: --init needs --strength S in (0, 1]") }
        let contents = try PNGFile.read(from: URL(fileURLWithPath: path))
        var mask = try self.mask.map { GrayImage(luma: try PNGFile.read(from: URL(fileURLWithPath: $0)).image) }
        if let transparent = contents.transparencyMask {
            if let given = mask, given.width == transparent.width, given.height == transparent.height {
                mask = try GrayImage(width: given.width, height: given.height,
                                     pixels: zip(given.pixels, transparent.pixels).map { max($0, $1) })
            } else if mask == nil {
                mask = transparent
            }
        }
        if mask != nil, settings.maskBlur == nil { settings.maskBlur = 4 }
        var image = InitImage(image: contents.image, mask: mask, latent: try latentMode())
        image.area = try area()
        return image
    }

    private func latentMode() throws -> InitLatent {
        guard let initLatent else { return .sample }
        guard let mode = InitLatent(rawValue: initLatent) else {
            throw ValidationError("init-latent: expected sample or mean, got '\(initLatent)'")
        }
        return mode
    }

    private func area() throws -> InpaintArea {
        switch inpaintArea ?? "whole" {
        case "whole": return .wholePicture
        case "masked": return .onlyMasked(padding: inpaintPadding ?? 32)
        default: throw ValidationError("inpaint-area: expected whole or masked, got '\(inpaintArea ?? "")'")
        }
    }

    /// The request's preview-decoder fields.
    func previewDecoder() -> PreviewDecoder { taesd.map(PreviewDecoder.file) ?? .automatic }
}
