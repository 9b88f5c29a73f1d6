extension VAEConfig {
    /// Reads an `AutoencoderKL`'s hyper-parameters from tensor shapes alone.
    ///
    /// LDM `model.Encoder`: `conv_in` [ch, in, 3, 3], then `down.i.block.j` ResBlocks with
    /// `conv1` [ch·mult[i], ...]; `conv_out` [2·z, ...] (mean and log-variance). The decoder
    /// mirrors it with one more ResBlock per level and `conv_in` [ch·mult.last, z, 3, 3].
    public static func detect(from weights: WeightTable) throws -> VAEConfig {
        let component = "VAE"
        var config = VAEConfig()
        let convIn = try weights.requiredShape("encoder.conv_in.weight", rank: 4, component: component)
        config.channels = convIn[0]
        config.imageChannels = convIn[1]
        let decoderIn = try weights.requiredShape("decoder.conv_in.weight", rank: 4, component: component)
        config.latentChannels = decoderIn[1]
        let encoderOut = try weights.requiredShape("encoder.conv_out.weight", rank: 4, component: component)
        guard encoderOut[0] == 2 * config.latentChannels else {
            throw weights.undetectable(component, "encoder.conv_out has \(encoderOut[0]) channels, expected 2 × \(config.latentChannels)")
        }

        let levels = weights.consecutiveCount { "encoder.down.\($0).block.0.conv1.weight" }
        guard levels > 0 else { throw weights.undetectable(component, "no encoder.down.0 blocks") }
        config.channelMult = try (0..<levels).map { level in
            let width = try weights.requiredShape("encoder.down.\(level).block.0.conv1.weight", rank: 4, component: component)[0]
            guard width % config.channels == 0 else {
                throw weights.undetectable(component, "level \(level) width \(width) is not a multiple of \(config.channels)")
            }
            return width / config.channels
        }
        config.numResBlocks = weights.consecutiveCount { "encoder.down.0.block.\($0).conv1.weight" }
        let decoderBlocks = weights.consecutiveCount { "decoder.up.0.block.\($0).conv1.weight" }
        guard decoderBlocks == config.numResBlocks + 1 else {
            throw weights.undetectable(component, "decoder.up.0 has \(decoderBlocks) ResBlocks, expected \(config.numResBlocks + 1)")
        }
        return config
    }
}
