extension TagDialect {
    /// SDXL: the grid's tags plus the guide's `masterpiece, best quality, 8k, ultra-detailed`
    /// after them; the negative is the grid's own.
    public static let sdxl = TagDialect(
        family: .sdxl,
        prefix: [],
        suffix: ["masterpiece", "best quality", "8k", "ultra-detailed"],
        defaultNegative: [])
}
