import Tensor

/// The LDM denoising UNet (SD 1.x; the SD 2.x/SDXL layout too: per-level transformer depth,
/// head count or head width, Linear projections): timestep embedding, input blocks, middle
/// block, output blocks fed with skip connections, then GroupNorm, SiLU and conv_out; SDXL's
/// vector input `y` goes through `label_emb` into the timestep embedding. It returns the raw
/// model output.
/// Weights are read under the canonical `model.diffusion_model.` names with that prefix
/// stripped (`input_blocks.1.1.transformer_blocks.0.attn1.to_q.weight`, …).
/// Reference: LDM `ldm/modules/diffusionmodules/openaimodel.py`, `UNetModel.__init__` and
/// `UNetModel.forward`; upsampling to the skip's size follows diffusers `Upsample2D`
/// (`upsample_size`), so latents whose sides are not multiples of 8 also work.
public final class UNetModel {
    public let config: UNetConfig
    /// The precision the network multiplies in (after the CPU fallback).
    public let precision: Precision
    let timeEmbedding: TimestepEmbedding
    /// `label_emb`, for UNets that take a `y` vector (`config.admInChannels`).
    let labelEmbedding: LabelEmbedding?
    let inputBlocks: [[UNetLayer]]
    let middleBlock: [UNetLayer]
    let outputBlocks: [[UNetLayer]]
    let outNorm: GroupNormLayer, outConv: Conv2dLayer
    /// The layer weights adapters (LoRA, LyCORIS) patch in place, by canonical key.
    public let patchableWeights = PatchableWeights()
    private let pool = BufferPool()

    /// Builds the network from `weights`; `precision` chooses fp32 or bf16 products (see
    /// `Precision`; bf16 falls back to fp32 on CPUs without AVX512_BF16). The default is fp32, the
    /// results the reference fixtures pin; `StableDiffusionPipeline` passes `Precision.preferred`.
    public init(weights: WeightSource, config: UNetConfig, precision: Precision = .fp32) throws {
        self.config = config
        let w = WeightScope(weights, precision: precision, registry: patchableWeights)
        self.precision = w.precision
        let base = config.modelChannels, embedding = 4 * base
        timeEmbedding = try TimestepEmbedding(w.child("time_embed"), modelChannels: base)
        labelEmbedding = try config.admInChannels.map {
            try LabelEmbedding(w.child("label_emb"), inputWidth: $0, embeddingWidth: embedding)
        }

        func resBlock(_ scope: WeightScope, _ cin: Int, _ cout: Int) throws -> UNetLayer {
            .resBlock(try UNetResBlock(scope, in: cin, out: cout, embeddingChannels: embedding))
        }
        func transformer(_ scope: WeightScope, _ channels: Int, depth: Int) throws -> UNetLayer {
            guard let heads = config.heads.heads(forChannels: channels) else {
                throw NetworkInputError.configuration("UNet width \(channels) does not split into \(config.heads) heads")
            }
            return .transformer(try SpatialTransformer(scope, channels: channels, contextDim: config.contextDim,
                                                       heads: heads, depth: depth, projection: config.projection))
        }
        func depth(_ level: Int) -> Int { level < config.transformerDepth.count ? config.transformerDepth[level] : 0 }

        var inputs: [[UNetLayer]] = [[.conv(try Conv2dLayer(w.child("input_blocks.0.0"), in: config.inChannels,
                                                              out: base, kernel: 3))]]
        var skipChannels = [base]
        var channels = base
        for (level, mult) in config.channelMult.enumerated() {
            for _ in 0..<config.numResBlocks {
                let block = w.child("input_blocks.\(inputs.count)")
                var layers = [try resBlock(block.child("0"), channels, mult * base)]
                channels = mult * base
                if depth(level) > 0 { layers.append(try transformer(block.child("1"), channels, depth: depth(level))) }
                inputs.append(layers)
                skipChannels.append(channels)
            }
            if level != config.channelMult.count - 1 {
                let op = w.child("input_blocks.\(inputs.count).0.op")
                inputs.append([.conv(try Conv2dLayer(op, in: channels, out: channels, kernel: 3, stride: 2))])
                skipChannels.append(channels)
            }
        }
        inputBlocks = inputs

        middleBlock = [try resBlock(w.child("middle_block.0"), channels, channels),
                       try transformer(w.child("middle_block.1"), channels, depth: config.middleTransformerDepth),
                       try resBlock(w.child("middle_block.2"), channels, channels)]

        var outputs: [[UNetLayer]] = []
        for (level, mult) in config.channelMult.enumerated().reversed() {
            for i in 0...config.numResBlocks {
                let block = w.child("output_blocks.\(outputs.count)")
                var layers = [try resBlock(block.child("0"), channels + skipChannels.removeLast(), mult * base)]
                channels = mult * base
                if depth(level) > 0 { layers.append(try transformer(block.child("1"), channels, depth: depth(level))) }
                if level != 0 && i == config.numResBlocks {
                    let up = block.child("\(layers.count).conv")
                    layers.append(.upsample(try Conv2dLayer(up, in: channels, out: channels, kernel: 3)))
                }
                outputs.append(layers)
            }
        }
        outputBlocks = outputs
        outNorm = try GroupNormLayer(w.child("out.0"), channels: channels, eps: 1e-5)
        outConv = try Conv2dLayer(w.child("out.2"), in: channels, out: config.outChannels, kernel: 3)
    }

    /// eps = UNet(x, t, context, y): x [B, 4, H, W], one (possibly fractional) timestep per
    /// batch item, context [B, 77·k, contextDim], y [B, admInChannels] for UNets with
    /// `label_emb` (nil otherwise) → [B, 4, H, W]. Activation memory is pooled and reused by
    /// the next call with the same shapes; `releaseScratch()` frees it.
    public func callAsFunction(_ x: Tensor, timesteps: [Float], context: Tensor, y: Tensor? = nil) throws -> Tensor {
        try callAsFunction(x, timesteps: timesteps, context: UNetTextContext(context), y: y)
    }

    /// The same with a `UNetTextContext`, whose cross-attention keys and values are computed
    /// on the first call and reused by later calls with the same context object.
    public func callAsFunction(_ x: Tensor, timesteps: [Float], context: UNetTextContext, y: Tensor? = nil) throws -> Tensor {
        try checkInputs(x, timesteps: timesteps, context: context.tokens, y: y)
        return pool.activate { forward(x, timesteps: timesteps, context: context, y: y).copyOutOfPool() }
    }

    private func forward(_ x: Tensor, timesteps: [Float], context: UNetTextContext, y: Tensor?) -> Tensor {
        var embedding = timeEmbedding(timesteps)                  // [B, 4C]
        if let labelEmbedding, let y { embedding = embedding.adding(labelEmbedding(y)) } // [B, 4C]: + label_emb(y)
        embedding = embedding.applying(.silu)                     // [B, 4C]: SiLU of emb_layers
        var skips: [Tensor] = []
        var h = x                                                 // [B, 4, H, W]
        for block in inputBlocks {
            h = run(block, h, embedding, context, nextSkipSize: nil) // [B, C_l, H_l, W_l]
            skips.append(h)
        }
        h = run(middleBlock, h, embedding, context, nextSkipSize: nil) // [B, C4, H/8, W/8]
        for block in outputBlocks {
            h = Tensor.concatenate([h, skips.removeLast()])       // [B, C + C_skip, H_l, W_l]
            let next = skips.last.map { ($0.shape[2], $0.shape[3]) }
            h = run(block, h, embedding, context, nextSkipSize: next) // [B, C_l, H_l, W_l] (×2 after upsample)
        }
        return outConv(outNorm(h, activation: .silu))             // [B, 4, H, W]
    }

    private func run(_ block: [UNetLayer], _ x: Tensor, _ embedding: Tensor, _ context: UNetTextContext,
                     nextSkipSize: (Int, Int)?) -> Tensor {
        block.reduce(x) { $1($0, embedding: embedding, context: context, nextSkipSize: nextSkipSize) }
    }

    private func checkInputs(_ x: Tensor, timesteps: [Float], context: Tensor, y: Tensor?) throws {
        guard x.shape.count == 4, x.shape[0] > 0, x.shape[1] == config.inChannels, x.shape[2] > 0, x.shape[3] > 0 else {
            throw NetworkInputError.shape("UNet input", got: x.shape, expected: "[B, \(config.inChannels), H, W]")
        }
        guard timesteps.count == x.shape[0] else {
            throw NetworkInputError.shape("UNet timesteps", got: [timesteps.count], expected: "[\(x.shape[0])]")
        }
        guard context.shape.count == 3, context.shape[0] == x.shape[0], context.shape[1] > 0,
              context.shape[2] == config.contextDim else {
            throw NetworkInputError.shape("UNet context", got: context.shape,
                                          expected: "[\(x.shape[0]), T, \(config.contextDim)]")
        }
        switch (config.admInChannels, y) {
        case (nil, nil): break
        case let (width?, y?) where y.shape == [x.shape[0], width]: break
        case let (width?, y):
            throw NetworkInputError.shape("UNet y", got: y?.shape ?? [], expected: "[\(x.shape[0]), \(width)]")
        case let (nil, y?):
            throw NetworkInputError.shape("UNet y", got: y.shape, expected: "none (this UNet has no label_emb)")
        }
    }

    /// Frees the activation buffers kept for the next call (for example after a generation),
    /// and the Winograd convolutions' workspace.
    public func releaseScratch() {
        pool.trim()
        Winograd.releaseWorkspace()
    }

    /// Hands the file pages of half-stored weights (`Precision.fp32HalfWeights`) back to the
    /// system, and frees the buffer they are widened into (`HalfWeightScratch`); the next call
    /// reads the pages from the file again. Nothing for the other precisions.
    public func releaseWeightPages() {
        patchableWeights.releaseFilePages()
        if precision == .fp32HalfWeights { HalfWeightScratch.shared.release() }
    }
}
