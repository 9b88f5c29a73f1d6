import Foundation
import Models
import SafeTensors
import Tensor
import TestSupport

/// Reference tensors from a fixture `.safetensors` file.
struct FixtureTensors {
    let file: SafeTensorsFile

    init(_ relativePath: String) throws {
        file = try SafeTensorsFile(url: Fixtures.url(relativePath))
    }

    subscript(_ name: String) -> Tensor {
        get throws { try file.tensor(name) }
    }
}

/// The tiny SD 1.5-structured fixture model in its three published forms, opened through the
/// checkpoint loader (configs detected from shapes), each loaded once per test run.
enum TinyModel {
    enum Form: String, CaseIterable {
        case singleFile = "tiny-sd15.safetensors"
        case singleFileFP16 = "tiny-sd15-fp16.safetensors"
        case diffusers = "tiny-sd15-diffusers"
    }

    static func checkpoint(_ form: Form = .singleFile) throws -> StableDiffusionCheckpoint {
        try FixtureModel.checkpoint(form.rawValue)
    }

    static func textModel(_ form: Form = .singleFile) throws -> CLIPTextModel {
        let c = try checkpoint(form)
        return try CLIPTextModel(weights: c.text, config: c.textConfig)
    }

    static func unet(_ form: Form = .singleFile) throws -> UNetModel { try FixtureModel.unet(form.rawValue) }
    static func vae(_ form: Form = .singleFile) throws -> VAEModel { try FixtureModel.vae(form.rawValue) }
}

/// A fixture model (file or folder under the fixtures root) opened through the checkpoint
/// loader, and its networks in fp32.
enum FixtureModel {
    static func checkpoint(_ path: String) throws -> StableDiffusionCheckpoint {
        try StableDiffusionCheckpoint.load(Fixtures.url(path))
    }

    static func unet(_ path: String) throws -> UNetModel {
        let c = try checkpoint(path)
        return try UNetModel(weights: c.unet, config: c.unetConfig)
    }

    static func vae(_ path: String) throws -> VAEModel {
        let c = try checkpoint(path)
        return try VAEModel(weights: c.vae, config: c.vaeConfig)
    }
}

/// Largest |a − b| divided by the largest |b| (the tolerance measure in the fixture README).
func relativeMaxError(_ got: Tensor, _ want: Tensor) -> Float {
    precondition(got.count == want.count)
    var diff: Float = 0
    for i in 0..<got.count { diff = max(diff, abs(got.pointer[i] - want.pointer[i])) }
    return diff / want.maxMagnitude
}
