import Catalog

extension ArchitectureDetector {
    /// The architecture of opened parts whose family has an LDM UNet: each network's
    /// hyper-parameters from its shapes, the family's hidden facts (`familyTraits`), and the
    /// checks that the networks fit together.
    static func architecture(of parts: StableDiffusionCheckpoint.Parts) throws -> ModelArchitecture {
        guard let traits = familyTraits[parts.family] else {
            throw CheckpointError.unsupportedFamily(file: parts.unet.file.displayName, family: parts.family.displayName)
        }
        let texts = try parts.texts.map(CLIPTextConfig.detect)
        var unet = try UNetConfig.detect(from: parts.unet)
        unet.heads = traits.heads
        let architecture = ModelArchitecture(family: parts.family, unet: unet, vae: try VAEConfig.detect(from: parts.vae),
                                             textEncoders: texts, latent: traits.latent, prediction: parts.prediction)
        try checkFit(architecture, extraInputs: traits.extraInputChannels, file: parts.unet.file.displayName)
        return architecture
    }

    /// The networks must agree: latent channels in (plus the family's extra inputs) and out of
    /// the UNet, the text width the UNet cross-attends to, and heads that split every width.
    private static func checkFit(_ a: ModelArchitecture, extraInputs: Int, file: String) throws {
        let latent = a.vae.latentChannels
        guard a.unet.inChannels == latent + extraInputs, a.unet.outChannels == latent else {
            throw CheckpointError.undetectable(
                file: file, component: "UNet",
                detail: "it takes \(a.unet.inChannels) and returns \(a.unet.outChannels) channels, "
                    + "but the VAE has \(latent) latent channels")
        }
        guard a.unet.contextDim == a.contextWidth else {
            throw CheckpointError.undetectable(
                file: file, component: "UNet",
                detail: "its cross-attention width \(a.unet.contextDim) differs from the text encoder's \(a.contextWidth)")
        }
        for level in a.unet.attentionLevels + [a.unet.channelMult.count - 1] {
            let width = a.unet.channelMult[level] * a.unet.modelChannels
            guard a.unet.heads.heads(forChannels: width) != nil else {
                throw CheckpointError.undetectable(
                    file: file, component: "UNet", detail: "width \(width) does not split into \(a.unet.heads) heads")
            }
        }
    }
}
