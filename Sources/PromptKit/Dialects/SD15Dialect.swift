extension TagDialect {
    /// SD 1.5: quality tag `(best quality:1.4)` first, tags with `(tag:1.2)` emphasis, and the
    /// guide's default negative `(worst quality, low quality:1.4), watermark, signature`.
    public static let sd15 = TagDialect(
        family: .sd15,
        prefix: ["(best quality:1.4)"],
        suffix: [],
        defaultNegative: ["(worst quality, low quality:1.4)", "watermark", "signature"])
}
