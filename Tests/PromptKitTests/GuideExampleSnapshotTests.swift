import XCTest
@testable import PromptKit

/// The guide's five examples in every dialect. Every expected string below was derived by
/// hand from the dialect rules (written out in each dialect's doc comment and summarised
/// here), not copied from Easel's output:
///
/// - Tag dialects: rows in table order; each row gives its value then its qualifier's
///   comma-separated parts, except that a qualifier containing the value as a word replaces it
///   ("church" | "concrete catholic church" → "concrete catholic church"); a weighted row is
///   one group "(a, b:1.2)". sd15 puts "(best quality:1.4)" first and the guide's negative
///   "(worst quality, low quality:1.4), watermark, signature"; sdxl appends the guide's
///   "masterpiece, best quality, 8k, ultra-detailed"; pony starts with
///   "score_9, score_8_up, score_7_up" and has "score_6, score_5, score_4" as negative.
/// - flux/natural: "A {what} of {who} who {doing} in {where}." then "The {who} wears …",
///   "The light is …", "The mood is …", "Time period: …", "The composition is …",
///   "Rendered as …"; a part holding commas is closed by a comma; "a"/"an" unless the phrase
///   starts with a number, a capital, a determiner or looks plural; an -ing doing drops "who".
/// - midjourney: comma phrases (who, doing, wearing, light value, composition, style), then
///   "Artistic Medium:" (medium, else what), "Time Period:", "Emotion:", "Colors:" (light
///   qualifier), "Environment:" (where).
final class GuideExampleSnapshotTests: XCTestCase {
    private func check(_ preset: Preset, _ family: ModelFamily, _ prompt: String, _ negative: String?,
                       file: StaticString = #filePath, line: UInt = #line) {
        let rendered = preset.grid.render(in: family)
        XCTAssertEqual(rendered.prompt, prompt, "\(preset.name) in \(family)", file: file, line: line)
        XCTAssertEqual(rendered.negative, negative, "\(preset.name) negative in \(family)", file: file, line: line)
        XCTAssertEqual(rendered.notes, [], file: file, line: line)
    }

    private let sd15Negative = "(worst quality, low quality:1.4), watermark, signature"
    private let ponyNegative = "score_6, score_5, score_4"
    private let sdxlQuality = ", masterpiece, best quality, 8k, ultra-detailed"
    private let ponyPrefix = "score_9, score_8_up, score_7_up, "

    /// The grid is the guide's table, row for row.
    func testDreamcoreChurchIsTheGuideTable() {
        let g = BuiltinPresets.dreamcoreChurch.grid
        XCTAssertEqual(g.what, .init("photo", "in motion"))
        XCTAssertEqual(g.who, .init("model", "albino, big grey eyes, long straight white hair"))
        XCTAssertEqual(g.doing, .init("dances", "strangely"))
        XCTAssertEqual(g.location, .init("church", "concrete catholic church"))
        XCTAssertEqual(g.wearing, .init("dress", "white chiffon, many layers"))
        XCTAssertEqual(g.light, .init("twilight", "deep blue, grey and black"))
        XCTAssertEqual(g.mood, .init("depressive", "dreamcore"))
    }

    func testDreamcoreChurch() {
        let p = BuiltinPresets.dreamcoreChurch
        let tags = "photo, in motion, model, albino, big grey eyes, long straight white hair, dances, strangely, concrete catholic church, dress, white chiffon, many layers, twilight, deep blue, grey and black, depressive, dreamcore"
        check(p, .sd15, "(best quality:1.4), " + tags, sd15Negative)
        check(p, .sdxl, tags + sdxlQuality, nil)
        check(p, .pony, ponyPrefix + tags, ponyNegative)
        let prose = "A photo, in motion, of a model, albino, big grey eyes, long straight white hair, who dances strangely in a concrete catholic church. The model wears a dress, white chiffon, many layers. The light is twilight, deep blue, grey and black. The mood is depressive, dreamcore."
        check(p, .flux, prose, nil)
        check(p, .natural, prose, nil)
        check(p, .midjourney, "model, albino, big grey eyes, long straight white hair, dances strangely, dress, white chiffon, many layers, twilight. Artistic Medium: photo, in motion. Emotion: depressive, dreamcore. Colors: deep blue, grey and black. Environment: concrete catholic church.", nil)
    }

    func testAnimeWaterfall() {
        let p = BuiltinPresets.animeWaterfall
        let tags = "illustration, anime, girl, long silver hair, blue eyes, stands, on a rock, forest waterfall, mossy rocks, kimono, white, floral pattern, (sunlight, soft, god rays:1.2), serene, full body"
        check(p, .sd15, "(best quality:1.4), " + tags, sd15Negative)
        check(p, .sdxl, tags + sdxlQuality, nil)
        check(p, .pony, ponyPrefix + tags, ponyNegative)
        let prose = "An illustration, anime, of a girl, long silver hair, blue eyes, who stands on a rock in a forest waterfall, mossy rocks. The girl wears a kimono, white, floral pattern. The light is sunlight, soft, god rays. The mood is serene. The composition is full body."
        check(p, .flux, prose, nil)
        check(p, .natural, prose, nil)
        check(p, .midjourney, "girl, long silver hair, blue eyes, stands on a rock, kimono, white, floral pattern, sunlight, full body. Artistic Medium: illustration, anime. Emotion: serene. Colors: soft, god rays. Environment: forest waterfall, mossy rocks.", nil)
    }

    func testPonyHornedCharacter() {
        let p = BuiltinPresets.ponyHornedCharacter
        let tags = "illustration, anime, (1girl, orange eyes, curved black horns, long black hair:1.1), smiling, looking at viewer, gothic castle hall, black dress, lace, candlelight, mysterious, upper body"
        check(p, .pony, ponyPrefix + tags, ponyNegative)
        check(p, .sd15, "(best quality:1.4), " + tags, sd15Negative)
        check(p, .sdxl, tags + sdxlQuality, nil)
        let prose = "An illustration, anime, of 1girl, orange eyes, curved black horns, long black hair, smiling, looking at viewer, in a gothic castle hall. The 1girl wears a black dress, lace. The light is candlelight. The mood is mysterious. The composition is upper body."
        check(p, .flux, prose, nil)
        check(p, .natural, prose, nil)
        check(p, .midjourney, "1girl, orange eyes, curved black horns, long black hair, smiling, looking at viewer, black dress, lace, candlelight, upper body. Artistic Medium: illustration, anime. Emotion: mysterious. Environment: gothic castle hall.", nil)
    }

    /// The quoted word "flux" stays in its quotes in every dialect.
    func testFluxScholar() {
        let p = BuiltinPresets.fluxScholar
        let prose = "A photo of an old scholar, long grey beard, round glasses, who holds a book with the word \"flux\" on its cover in a candle-lit library with towering bookshelves. The old scholar wears a robe, dark green velvet. The light is candlelight, warm, soft shadows. The mood is contemplative."
        check(p, .flux, prose, nil)
        check(p, .natural, prose, nil)
        let tags = "photo, old scholar, long grey beard, round glasses, holds a book, with the word \"flux\" on its cover, candle-lit library with towering bookshelves, robe, dark green velvet, candlelight, warm, soft shadows, contemplative"
        check(p, .sd15, "(best quality:1.4), " + tags, sd15Negative)
        check(p, .sdxl, tags + sdxlQuality, nil)
        check(p, .pony, ponyPrefix + tags, ponyNegative)
        check(p, .midjourney, "old scholar, long grey beard, round glasses, holds a book with the word \"flux\" on its cover, robe, dark green velvet, candlelight. Artistic Medium: photo. Emotion: contemplative. Colors: warm, soft shadows. Environment: candle-lit library with towering bookshelves.", nil)
    }

    func testMidjourneyScholar() {
        let p = BuiltinPresets.midjourneyScholar
        check(p, .midjourney, "old scholar, long grey beard, round glasses, reading an ancient book, robe, dark green velvet, candlelight. Artistic Medium: oil painting. Time Period: Renaissance. Emotion: contemplative, quiet. Colors: warm browns, deep greens and gold. Environment: candle-lit library with towering bookshelves.", nil)
        let tags = "old scholar, long grey beard, round glasses, reading an ancient book, candle-lit library with towering bookshelves, robe, dark green velvet, candlelight, warm browns, deep greens and gold, contemplative, quiet, Renaissance, oil painting"
        check(p, .sd15, "(best quality:1.4), " + tags, sd15Negative)
        check(p, .sdxl, tags + sdxlQuality, nil)
        check(p, .pony, ponyPrefix + tags, ponyNegative)
        let prose = "An old scholar, long grey beard, round glasses, reading an ancient book in a candle-lit library with towering bookshelves. The old scholar wears a robe, dark green velvet. The light is candlelight, warm browns, deep greens and gold. The mood is contemplative, quiet. Time period: Renaissance. Rendered as an oil painting."
        check(p, .flux, prose, nil)
        check(p, .natural, prose, nil)
    }
}
