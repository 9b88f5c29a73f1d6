import Catalog

extension ArchitectureDetector {
    /// The architecture of opened parts whose family has an LDM UNet: each network's
    /// hyper-parameters from its shapes, the family's hidden facts (`familyTraits`), and the
    /// checks that the networks fit together.
    static func architecture(of parts: StableDiffusionCheckpoint.Parts) throws -> ModelArchitecture {
        guard let traits = familyTraits[parts.family] else {
            throw CheckpointError.unsupportedFamily(file: parts.unet.file.displayName, family: parts.family.displayName)
        }
        var texts = try parts.texts.map(CLIPTextConfig.detect)
        for (index, activation) in traits.textActivations.enumerated() where index < texts.count {
            texts[index].activation = activation
        }
        var unet = try UNetConfig.detect(from: parts.unet)
        unet.heads = traits.heads
        var architecture = ModelArchitecture(family: parts.family, unet: unet, vae: try VAEConfig.detect(from: parts.vae),
                                             textEncoders: texts, latent: traits.latent, prediction: parts.prediction)
        architecture.vaeNeedsFP32 = traits.vaeNeedsFP32
        try checkFit(architecture, extraInputs: traits.extraInputChannels, file: parts.unet.file.displayName)
        try checkLabelWidth(architecture, sizeEmbeddings: traits.sizeEmbeddings, unet: parts.unet)
        return architecture
    }

    /// `y`'s width (`label_emb.0.0.weight` [time width, adm]) must follow the family's rule:
    /// the last text encoder's pooled width plus its size sinusoids (SDXL: 1280 + 6 × 256 = 2816),
    /// and a family without the rule has no `label_emb`. Otherwise one line names the tensor.
    private static func checkLabelWidth(_ a: ModelArchitecture, sizeEmbeddings: Int?, unet: WeightTable) throws {
        let key = unet.fileKey("label_emb.0.0.weight")
        let file = unet.file.displayName
        switch (a.unet.admInChannels, sizeEmbeddings) {
        case (nil, nil):
            return
        case let (width?, nil):
            throw CheckpointError.undetectable(file: file, component: "UNet",
                                               detail: "tensor '\(key)' takes a y of width \(width), which \(a.family.displayName) has no rule for")
        case (nil, _?):
            throw CheckpointError.undetectable(file: file, component: "UNet", detail: "tensor '\(key)' is missing")
        case let (width?, count?):
            guard let pooled = a.textEncoders.last?.projectionWidth else {
                throw CheckpointError.undetectable(file: file, component: "text encoder",
                                                   detail: "the last text encoder has no text_projection for the pooled part of y")
            }
            let expected = pooled + count * sizeEmbeddingWidth
            guard width == expected else {
                throw CheckpointError.undetectable(
                    file: file, component: "UNet",
                    detail: "tensor '\(key)' takes a y of width \(width), but \(a.family.displayName)'s y is the pooled "
                        + "\(pooled) + \(count) × \(sizeEmbeddingWidth) = \(expected)")
            }
        }
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
