/// Few-step models (distilled for 1–8 steps at CFG about 1) and their advice, as data: the
/// sliders (`InProcessEngine.model(at:)`'s `ModelAdvice`) and lint (`PromptLinter`, rule
/// `few-step`) use it instead of the family's when the model or a LoRA names one.
public struct FewStepProfile: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case lcm, turbo, lightning
    }

    public let kind: Kind
    public let name: String
    public let steps: ClosedRange<Int>
    public let cfg: ClosedRange<Double>
    public let sampler: Sampler
    public let schedule: Schedule
    public let modelSampling: ModelSampling
    /// Words in a file or LoRA name that mean this kind (matched as whole words, any case).
    public let nameWords: [String]
    /// The largest side worth rendering (the distillation resolution).
    public let maxSide: Int
    /// Where the numbers come from.
    public let source: String
}

public enum FewStepProfiles {
    public static let all: [FewStepProfile] = [
        FewStepProfile(kind: .lcm, name: "LCM", steps: 4...8, cfg: 1...2, sampler: .lcm, schedule: .sgmUniform,
                       modelSampling: .lcm, nameWords: ["lcm"], maxSide: 1024,
                       source: "latent-consistency/lcm-lora-sdv1-5 model card (4–8 steps, guidance 1–2); ComfyUI's LCM example (sampler lcm, sgm_uniform, ModelSamplingDiscrete lcm)"),
        FewStepProfile(kind: .turbo, name: "Turbo", steps: 1...4, cfg: 1...1, sampler: .eulerA, schedule: .trailing,
                       modelSampling: .discrete, nameWords: ["turbo"], maxSide: 512,
                       source: "stabilityai/sdxl-turbo model card (1–4 steps, guidance_scale 0.0 = no CFG, i.e. A1111 CFG 1; EulerAncestral, trailing)"),
        FewStepProfile(kind: .lightning, name: "Lightning", steps: 2...8, cfg: 1...1, sampler: .euler, schedule: .trailing,
                       modelSampling: .discrete, nameWords: ["lightning"], maxSide: 1024,
                       source: "ByteDance/SDXL-Lightning model card (1-, 2-, 4-, 8-step checkpoints and LoRAs; Euler, trailing timesteps, guidance 0)"),
    ]

    /// The profile a model or LoRA name means, or nil.
    public static func profile(forName name: String) -> FewStepProfile? {
        let words = Set(name.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
        return all.first { !words.isDisjoint(with: $0.nameWords) }
    }

    public static func profile(_ kind: FewStepProfile.Kind) -> FewStepProfile { all.first { $0.kind == kind }! }
}
