import Foundation
import Models
import SafeTensors
import Tensor
import TestSupport
import XCTest

/// SDXL LoRAs on the tiny SDXL fixture. The fixture folder has no SDXL LoRA made for this
/// model (its `sdxl-only.safetensors` has real SDXL widths), so `Data/tiny-sdxl-lora*.safetensors`
/// were made by `tools/adapters/make-sdxl-test-lora.py` (torch, random factors): kohya names
/// in the sgm and diffusers variants, `lora_te1_`, `lora_te2_` q/k/v, a 3×3 LoCon, PEFT names.
/// The expected W′ rows were computed there in float64 from the fixture's own stored tensors
/// (bigG's fused `in_proj_weight` plus `vstack(ΔWq, ΔWk, ΔWv)`, as A1111 `networks.py` does),
/// with diffusers names checked against the diffusers folder, not through Easel's tables.
final class SDXLAdapterMergeTests: XCTestCase {
    static let data = Fixtures.repoRoot.appendingPathComponent("Tests/ModelsTests/Data")
    static let te: Float = 0.7, unetM: Float = 1.3

    struct Model {
        let unet: UNetModel
        let encoders: [CLIPTextModel]
        let binding: AdapterBinding
    }

    static func model() throws -> Model {
        let c = try FixtureModel.checkpoint("tiny-sdxl.safetensors")
        let unet = try UNetModel(weights: c.unet, config: c.unetConfig, precision: .fp32)
        let encoders = try (0..<2).map {
            try CLIPTextModel(weights: c.textWeights($0), config: c.architecture.textEncoders[$0], precision: .fp32)
        }
        return Model(unet: unet, encoders: encoders, binding: AdapterBinding(unet: unet, textEncoders: encoders, family: .sdxl))
    }

    static func network(_ name: String) throws -> AdapterNetwork {
        try AdapterNetwork(url: data.appendingPathComponent("\(name).safetensors"))
    }

    /// A single-file key's current fp32 values, written out from the sgm/open_clip names:
    /// bigG's fused `in_proj_weight` is its q, k and v layers stacked.
    static func weight(_ model: Model, _ fileKey: String) throws -> Tensor {
        func layer(_ registry: PatchableWeights, _ key: String) throws -> Tensor {
            guard case let .fp32(t)? = registry[key]?.weight else { throw XCTSkip("\(key) is not an fp32 layer weight") }
            return t
        }
        let (unet, clipL, bigG) = ("model.diffusion_model.", "conditioner.embedders.0.transformer.text_model.",
                                   "conditioner.embedders.1.model.transformer.resblocks.")
        if fileKey.hasPrefix(unet) { return try layer(model.unet.patchableWeights, String(fileKey.dropFirst(unet.count))) }
        if fileKey.hasPrefix(clipL) { return try layer(model.encoders[0].patchableWeights, String(fileKey.dropFirst(clipL.count))) }
        let rest = fileKey.dropFirst(bigG.count).split(separator: ".", maxSplits: 1)
        let (n, part) = (rest[0], String(rest[1])), registry = model.encoders[1].patchableWeights
        switch part {
        case "attn.in_proj_weight":
            return Tensor.concatenate(try ["q", "k", "v"].map { try layer(registry, "encoder.layers.\(n).self_attn.\($0)_proj.weight") }, axis: 0)
        case "mlp.c_fc.weight": return try layer(registry, "encoder.layers.\(n).mlp.fc1.weight")
        default: throw XCTSkip("no mapping for \(fileKey)")
        }
    }

    static func rows(_ t: Tensor, _ rows: [Int]) -> Tensor {
        let width = t.count / t.shape[0]
        return Tensor(shape: [rows.count, width], values: rows.flatMap { r in (0..<width).map { t.pointer[r * width + $0] } })
    }

    func testMergedWeightsMatchTheIndependentComputation() throws {
        let expected = try SafeTensorsFile(url: Self.data.appendingPathComponent("tiny-sdxl-lora-expected.safetensors"))
        var worst: Float = 0, checked = 0
        for group in ["kohya", "peft"] {
            let model = try Self.model()
            let name = group == "kohya" ? "tiny-sdxl-lora" : "tiny-sdxl-lora-peft"
            let resolved = try model.binding.resolve(try Self.network(name))
            XCTAssertEqual(resolved.unmatchedModules, [], name)
            XCTAssertEqual(resolved.unreadKeys, [], name)
            try model.binding.patcher.apply([ActiveAdapter(resolved, textMultiplier: Self.te, unetMultiplier: Self.unetM)])
            for tensorName in expected.names where tensorName.hasPrefix(group + "/") {
                let key = String(tensorName.dropFirst(group.count + 1))
                let rowList = try expected.tensor("rows/" + tensorName).values.map { Int($0) }
                let error = relativeMaxError(Self.rows(try Self.weight(model, key), rowList), try expected.tensor(tensorName))
                worst = max(worst, error)
                checked += 1
                XCTAssertLessThanOrEqual(error, 1e-5, tensorName)
            }
        }
        XCTAssertEqual(checked, 10)
        print("SDXL adapter merge: max relative error \(worst) over \(checked) tensors")
    }

    /// Every te2 q/k/v module lands on its own row third of bigG's fused projection, and taking
    /// the LoRA off restores the split layers from the fused tensor bit for bit.
    func testTakingTheLoRAOffRestoresEveryLayer() throws {
        let model = try Self.model()
        let key = "conditioner.embedders.1.model.transformer.resblocks.0.attn.in_proj_weight"
        let before = try Self.weight(model, key).values
        let resolved = try model.binding.resolve(try Self.network("tiny-sdxl-lora"))
        XCTAssertEqual(resolved.targets.filter { $0.component == .textEncoder(1) }.count, 4)
        try model.binding.patcher.apply([ActiveAdapter(resolved, textMultiplier: 1, unetMultiplier: 1)])
        XCTAssertNotEqual(try Self.weight(model, key).values, before)
        try model.binding.patcher.apply([])
        XCTAssertEqual(try Self.weight(model, key).values, before)
    }

    func testAnSD1LoRAOnSDXLIsRefusedWithAReason() throws {
        let model = try Self.model()
        let sd1 = try AdapterNetwork(url: Fixtures.url("tiny-sd15-adapters/loras/tinylora-ldm.safetensors"))
        XCTAssertThrowsError(try model.binding.resolve(sd1)) {
            let message = String(describing: $0)
            XCTAssertTrue(message.contains("tinylora-ldm.safetensors") && message.contains("SD 1.x") && message.contains("SDXL"), message)
            XCTAssertFalse(message.contains("\n"))
        }
    }

    func testAnSDXLLoRAOnSD1IsRefusedWithAReason() throws {
        let model = try AdapterMergeTests.model()
        for name in ["tiny-sdxl-lora", "tiny-sdxl-lora-peft"] {
            XCTAssertThrowsError(try model.binding.resolve(try Self.network(name))) {
                let message = String(describing: $0)
                XCTAssertTrue(message.contains(name) && message.contains("SDXL"), message)
                XCTAssertFalse(message.contains("\n"))
            }
        }
    }
}

extension SDXLAdapterMergeTests {
    /// `sdxl-only.safetensors` (fixture README) is SDXL-named but made for SDXL's real widths
    /// (640, 1280, 2048): on the tiny SDXL model its modules are found and refused for shape.
    func testARealWidthSDXLLoRAIsRefusedOnTheTinyModelForShape() throws {
        let model = try Self.model()
        let file = try AdapterNetwork(url: Fixtures.url("tiny-sd15-adapters/bad/sdxl-only.safetensors"))
        XCTAssertThrowsError(try model.binding.resolve(file)) {
            let message = String(describing: $0)
            XCTAssertTrue(message.contains("sdxl-only.safetensors") && message.contains("does not fit"), message)
            XCTAssertFalse(message.contains("\n"))
        }
    }
}
