import Foundation
import Models
import SafeTensors
import Tensor
import TestSupport
import XCTest

/// LoRA, LoCon, LoHa, LoKr and PEFT merges against `tiny-sd15-adapters/expected-merged.safetensors`
/// (W′ computed in fp32 by a separate script from the adapter files with ComfyUI's formulas,
/// cross-checked against peft `merge()`, lycoris `get_weight()` and diffusers `fuse_lora`;
/// fixture README). Tolerance: |W′ − ref| ≤ 1e-5·max|ref|.
final class AdapterMergeTests: XCTestCase {
    struct Case { var key: String; var network: String; var multiplier: Float }

    static let manifest: [String: Any] = {
        let data = try! Fixtures.data("tiny-sd15-adapters/manifest.json")
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    static var cases: [Case] {
        (manifest["merged"] as! [[String: Any]]).map {
            Case(key: $0["key"] as! String, network: $0["network"] as! String,
                 multiplier: Float(($0["multiplier"] as! NSNumber).doubleValue))
        }
    }

    struct Model {
        let unet: UNetModel
        let text: CLIPTextModel
        let binding: AdapterBinding
    }

    static func model(precision: Precision = .fp32, form: TinyModel.Form = .singleFile) throws -> Model {
        let checkpoint = try TinyModel.checkpoint(form)
        let unet = try UNetModel(weights: checkpoint.unet, config: checkpoint.unetConfig, precision: precision)
        let text = try CLIPTextModel(weights: checkpoint.text, config: checkpoint.textConfig, precision: precision)
        return Model(unet: unet, text: text, binding: AdapterBinding(unet: unet, textEncoders: [text], family: .sd1))
    }

    static func network(_ name: String) throws -> AdapterNetwork {
        try AdapterNetwork(url: Fixtures.url("tiny-sd15-adapters/loras/\(name).safetensors"))
    }

    /// The current fp32 values of a single-file key's layer weight.
    static func weight(_ model: Model, _ fileKey: String) throws -> Tensor {
        let (registry, key) = fileKey.hasPrefix("model.diffusion_model.")
            ? (model.unet.patchableWeights, String(fileKey.dropFirst("model.diffusion_model.".count)))
            : (model.text.patchableWeights, String(fileKey.dropFirst("cond_stage_model.transformer.text_model.".count)))
        guard case let .fp32(t)? = registry[key]?.weight else { throw XCTSkip("\(key) is not an fp32 layer weight") }
        return t
    }

    func testEveryMergedTensorMatchesTheReference() throws {
        let expected = try SafeTensorsFile(url: Fixtures.url("tiny-sd15-adapters/expected-merged.safetensors"))
        var worst: Float = 0
        for (network, cases) in Dictionary(grouping: Self.cases, by: \.network) {
            let model = try Self.model()
            let resolved = try model.binding.resolve(try Self.network(network))
            let m = cases[0].multiplier
            try model.binding.patcher.apply([ActiveAdapter(resolved, textMultiplier: m, unetMultiplier: m)])
            for c in cases {
                let error = relativeMaxError(try Self.weight(model, c.key), try expected.tensor(c.key))
                worst = max(worst, error)
                XCTAssertLessThanOrEqual(error, 1e-5, "\(network) \(c.key)")
            }
        }
        XCTAssertEqual(Self.cases.count, 14)
        print("adapter merge parity: max relative error \(worst) over \(Self.cases.count) tensors")
    }

    /// Every module of every fixture network finds its layer, in both kohya naming variants
    /// and PEFT's, and the manifest's scale for each.
    func testEveryModuleMatchesALayer() throws {
        let model = try Self.model()
        for name in ["tinylora-ldm", "tinylora-diffusers", "tinylora-peft", "tinyloha", "tinylokr"] {
            let resolved = try model.binding.resolve(try Self.network(name))
            XCTAssertEqual(resolved.unmatchedModules, [], name)
            XCTAssertEqual(resolved.unreadKeys, [], name)
        }
    }

    /// Removing the network restores the checkpoint's values exactly; re-weighting re-merges
    /// only that network's layers.
    func testRemoveRestoresAndReweightTouchesOnlyItsLayers() throws {
        let model = try Self.model()
        let key = "model.diffusion_model.input_blocks.1.1.transformer_blocks.0.attn1.to_q.weight"
        let original = try Self.weight(model, key).copy()
        let resolved = try model.binding.resolve(try Self.network("tinylora-ldm"))
        let first = try model.binding.patcher.apply([ActiveAdapter(resolved, textMultiplier: 0.8, unetMultiplier: 0.8)])
        XCTAssertEqual(first.layersChanged, resolved.targets.count)
        XCTAssertNotEqual(try Self.weight(model, key).values, original.values)
        let again = try model.binding.patcher.apply([ActiveAdapter(resolved, textMultiplier: 0.8, unetMultiplier: 0.8)])
        XCTAssertEqual(again.layersChanged, 0)
        let unetOnly = try model.binding.patcher.apply([ActiveAdapter(resolved, textMultiplier: 0.8, unetMultiplier: 0.3)])
        XCTAssertEqual(unetOnly.layersChanged, resolved.targets.filter { !$0.component.isTextEncoder }.count)
        try model.binding.patcher.apply([])
        XCTAssertEqual(try Self.weight(model, key).values, original.values)
        XCTAssertEqual(model.binding.patcher.textSignature, "")
    }

    /// The bf16 mode re-packs the same panels: the merged layer equals a layer packed from the
    /// fp32 merge (compared through the network's output on the same input).
    func testBF16MergeRepacksThePanels() throws {
        guard Precision.bf16Supported else { throw XCTSkip("no AVX512_BF16") }
        let fast = try Self.model(precision: .bf16), exact = try Self.model()
        let resolved = [try fast.binding.resolve(try Self.network("tinylora-peft")),
                        try exact.binding.resolve(try Self.network("tinylora-peft"))]
        try fast.binding.patcher.apply([ActiveAdapter(resolved[0], textMultiplier: 1, unetMultiplier: 1)])
        try exact.binding.patcher.apply([ActiveAdapter(resolved[1], textMultiplier: 1, unetMultiplier: 1)])
        let ids = [[49406, 320, 2368] + Array(repeating: 49407, count: 74)]
        let a = try fast.text.encode(ids), b = try exact.text.encode(ids)
        XCTAssertLessThan(relativeMaxError(a, b), 0.03)
        try fast.binding.patcher.apply([])
        let plain = try Self.model(precision: .bf16)
        XCTAssertEqual(try fast.text.encode(ids).values, try plain.text.encode(ids).values)
    }

    /// Half-stored weights (`fp32HalfWeights`, the fp16 file) take the merge rounded to fp16 in
    /// memory of their own, never in the file's pages: the output stays within fp16 rounding of
    /// the fp32 merge, and removing the LoRA gives the unmerged output back exactly.
    func testHalfWeightMergeRoundsToTheFileFormatAndRestoresExactly() throws {
        let half = try Self.model(precision: .fp32HalfWeights, form: .singleFileFP16), exact = try Self.model()
        guard case .half = half.text.patchableWeights["encoder.layers.0.self_attn.q_proj.weight"]!.weight else {
            return XCTFail("not half-stored")
        }
        let ids = [[49406, 320, 2368] + Array(repeating: 49407, count: 74)]
        let before = try half.text.encode(ids)
        XCTAssertEqual(before.values, try exact.text.encode(ids).values)
        let resolved = [try half.binding.resolve(try Self.network("tinylora-peft")),
                        try exact.binding.resolve(try Self.network("tinylora-peft"))]
        try half.binding.patcher.apply([ActiveAdapter(resolved[0], textMultiplier: 1, unetMultiplier: 1)])
        try exact.binding.patcher.apply([ActiveAdapter(resolved[1], textMultiplier: 1, unetMultiplier: 1)])
        let a = try half.text.encode(ids), b = try exact.text.encode(ids)
        XCTAssertNotEqual(a.values, before.values)
        XCTAssertLessThan(relativeMaxError(a, b), 0.01)
        try half.binding.patcher.apply([])
        XCTAssertEqual(try half.text.encode(ids).values, before.values)
    }
}
