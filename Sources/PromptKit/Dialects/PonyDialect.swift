extension TagDialect {
    /// Pony Diffusion: the score prefix `score_9, score_8_up, score_7_up` first, and the low
    /// scores `score_6, score_5, score_4` in the negative.
    public static let pony = TagDialect(
        family: .pony,
        prefix: scorePrefix,
        suffix: [],
        defaultNegative: ["score_6", "score_5", "score_4"])

    /// The tags a Pony prompt starts with.
    public static let scorePrefix = ["score_9", "score_8_up", "score_7_up"]
}
