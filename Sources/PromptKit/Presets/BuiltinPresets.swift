import RenderSettings

/// Read-only presets reproducing the prompt guide's examples (issue 2): the dreamcore church
/// (the guide's own table), the anime waterfall, the Pony orange-eyed horned character, the
/// FLUX scholar holding a book with "flux" on it, and the Midjourney scholar. Settings follow
/// each family's profile; portrait sizes stay within each family's maximum side.
public enum BuiltinPresets {
    public static let all: [Preset] = [dreamcoreChurch, animeWaterfall, ponyHornedCharacter, fluxScholar, midjourneyScholar]

    public static func named(_ name: String) -> Preset? {
        all.first { $0.name == name }
    }

    /// The guide's table, row for row.
    public static let dreamcoreChurch: Preset = {
        var g = PromptGrid(family: .sd15)
        g.what = .init("photo", "in motion")
        g.who = .init("model", "albino, big grey eyes, long straight white hair")
        g.doing = .init("dances", "strangely")
        g.location = .init("church", "concrete catholic church")
        g.wearing = .init("dress", "white chiffon, many layers")
        g.light = .init("twilight", "deep blue, grey and black")
        g.mood = .init("depressive", "dreamcore")
        var s = ModelFamily.sd15.profile.defaultSettings()
        (s.width, s.height, s.seed) = (512, 768, 1)
        return Preset(name: "dreamcore-church", description: "The guide's table: a dreamcore photo in a concrete church (SD 1.5)",
                      grid: g, settings: s)
    }()

    public static let animeWaterfall: Preset = {
        var g = PromptGrid(family: .sd15)
        g.what = .init("illustration", "anime")
        g.who = .init("girl", "long silver hair, blue eyes")
        g.doing = .init("stands", "on a rock")
        g.location = .init("waterfall", "forest waterfall, mossy rocks")
        g.wearing = .init("kimono", "white, floral pattern")
        g.light = .init("sunlight", "soft, god rays", weight: 1.2)
        g.mood = .init("serene")
        g.composition = .init("full body")
        var s = ModelFamily.sd15.profile.defaultSettings(anime: true)
        (s.width, s.height, s.seed) = (512, 768, 2)
        return Preset(name: "anime-waterfall", description: "An anime girl at a forest waterfall (SD 1.5, clip skip 2)",
                      grid: g, settings: s)
    }()

    public static let ponyHornedCharacter: Preset = {
        var g = PromptGrid(family: .pony)
        g.what = .init("illustration", "anime")
        g.who = .init("1girl", "orange eyes, curved black horns, long black hair", weight: 1.1)
        g.doing = .init("smiling", "looking at viewer")
        g.location = .init("castle hall", "gothic castle hall")
        g.wearing = .init("black dress", "lace")
        g.light = .init("candlelight")
        g.mood = .init("mysterious")
        g.composition = .init("upper body")
        var s = ModelFamily.pony.profile.defaultSettings(anime: true)
        (s.width, s.height, s.seed) = (832, 1216, 3)
        return Preset(name: "pony-horned-character", description: "A Pony character with orange eyes and horns (score prefix)",
                      grid: g, settings: s)
    }()

    public static let fluxScholar: Preset = {
        var g = PromptGrid(family: .flux)
        g.what = .init("photo")
        g.who = .init("old scholar", "long grey beard, round glasses")
        g.doing = .init("holds a book", "with the word \"flux\" on its cover")
        g.location = .init("library", "candle-lit library with towering bookshelves")
        g.wearing = .init("robe", "dark green velvet")
        g.light = .init("candlelight", "warm, soft shadows")
        g.mood = .init("contemplative")
        var s = ModelFamily.flux.profile.defaultSettings()
        s.seed = 4
        return Preset(name: "flux-scholar", description: "FLUX: a scholar holding a book that says \"flux\" (quoted text stays quoted)",
                      grid: g, settings: s)
    }()

    public static let midjourneyScholar: Preset = {
        var g = PromptGrid(family: .midjourney)
        g.who = .init("old scholar", "long grey beard, round glasses")
        g.doing = .init("reading an ancient book")
        g.location = .init("library", "candle-lit library with towering bookshelves")
        g.wearing = .init("robe", "dark green velvet")
        g.light = .init("candlelight", "warm browns, deep greens and gold")
        g.mood = .init("contemplative", "quiet")
        g.period = .init("Renaissance")
        g.medium = .init("oil painting")
        var s = ModelFamily.midjourney.profile.defaultSettings()
        s.seed = 5
        return Preset(name: "midjourney-scholar", description: "Midjourney: the scholar with Artistic Medium, Time Period, Emotion, Colors, Environment",
                      grid: g, settings: s)
    }()
}
