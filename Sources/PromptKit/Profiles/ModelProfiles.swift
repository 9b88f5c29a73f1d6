/// The model families' advice as a table.
///
/// From the prompt guide (issue 2): SD 1.5 degrades above 768 px and is good at about 60
/// steps; Pony at 40–45 steps; FLUX must not exceed a 1280 px side, 30–35 steps, takes no
/// negative prompt and no quality tags; default sampler Euler a; clip skip 1 for realistic
/// work, 2 for anime; natural-language prompts for hosted models stay within ~100 words.
///
/// Not in the guide, and chosen for Easel: CFG 7 for the CLIP families (A1111's default);
/// 3.5 for FLUX (the guidance FLUX.1-dev is distilled for, diffusers `FluxPipeline`
/// default); SDXL and Pony (an SDXL fine-tune) native 1024 px with 1536 px as the largest
/// side before repetition sets in; SDXL 30–40 steps; Pony clip skip 2 for all work (its
/// model card asks for clip skip 2).
///
/// SDXL's size buckets are the ones its base model was trained with at about 1024² pixels
/// (SDXL report, arXiv 2307.01952, appendix "multi-aspect training"; the same list as
/// ComfyUI's and Fooocus' SDXL resolutions), one per aspect ratio the picker offers. Clip
/// skip: A1111 ignores 1 and 2 on SDXL (`sdxl_clip_l_skip` off), both meaning the
/// penultimate layer, so Pony's "clip skip 2" is SDXL's normal conditioning.
public enum ModelProfiles {
    public static let all: [ModelProfile] = [
        ModelProfile(family: .sd15, name: "Stable Diffusion 1.5", recommendedCFG: 7, steps: 55...65, defaultSteps: 60,
                     maxSide: 768, defaultWidth: 512, defaultHeight: 512, negative: .separate, defaultSampler: .eulerA,
                     clipSkipRealistic: 1, clipSkipAnime: 2, usesCLIPChunks: true, wordLimit: nil, acceptsQualityTags: true,
                     advice: "comma-separated tags with (tag:1.2) emphasis; about 60 steps; degrades above 768 px"),
        ModelProfile(family: .sdxl, name: "Stable Diffusion XL", recommendedCFG: 7, steps: 30...40, defaultSteps: 30,
                     maxSide: 1536, defaultWidth: 1024, defaultHeight: 1024, negative: .separate, defaultSampler: .eulerA,
                     clipSkipRealistic: 1, clipSkipAnime: 2, usesCLIPChunks: true, wordLimit: nil, acceptsQualityTags: true,
                     advice: "tags plus quality tags; native 1024 px",
                     sizeBuckets: sdxlBuckets, clipSkipNote: sdxlClipSkipNote),
        ModelProfile(family: .pony, name: "Pony Diffusion XL", recommendedCFG: 7, steps: 40...45, defaultSteps: 40,
                     maxSide: 1536, defaultWidth: 1024, defaultHeight: 1024, negative: .separate, defaultSampler: .eulerA,
                     clipSkipRealistic: 2, clipSkipAnime: 2, usesCLIPChunks: true, wordLimit: nil, acceptsQualityTags: true,
                     advice: "start with score_9, score_8_up, score_7_up; score_4 in the negative; 40–45 steps",
                     sizeBuckets: sdxlBuckets, clipSkipNote: sdxlClipSkipNote),
        ModelProfile(family: .flux, name: "FLUX.1", recommendedCFG: 3.5, steps: 30...35, defaultSteps: 30,
                     maxSide: 1280, defaultWidth: 1024, defaultHeight: 1024, negative: .none, defaultSampler: .eulerA,
                     clipSkipRealistic: 1, clipSkipAnime: 1, usesCLIPChunks: false, wordLimit: nil, acceptsQualityTags: false,
                     advice: "fluent English sentences, quoted text stays quoted; no quality tags, no negative; at most 1280 px; 30–35 steps"),
        ModelProfile(family: .midjourney, name: "Midjourney", recommendedCFG: nil, steps: nil, defaultSteps: nil,
                     maxSide: nil, defaultWidth: 1024, defaultHeight: 1024, negative: .parameter("--no"), defaultSampler: nil,
                     clipSkipRealistic: 1, clipSkipAnime: 1, usesCLIPChunks: false, wordLimit: nil, acceptsQualityTags: true,
                     advice: "comma phrases, then Artistic Medium / Time Period / Emotion / Colors / Environment; cannot draw text"),
        ModelProfile(family: .natural, name: "Hosted models (Seedream, Nano Banana, GPT, Ideogram)", recommendedCFG: nil,
                     steps: nil, defaultSteps: nil, maxSide: nil, defaultWidth: 1024, defaultHeight: 1024, negative: .none,
                     defaultSampler: nil, clipSkipRealistic: 1, clipSkipAnime: 1, usesCLIPChunks: false, wordLimit: 100,
                     acceptsQualityTags: false, advice: "plain English sentences, at most about 100 words"),
    ]

    /// SDXL's training buckets: 1:1, 2:3, 3:2, 3:4, 4:3, 9:16, 16:9 (and 5:12's 640 × 1536 pair).
    public static let sdxlBuckets: [PixelSize] = [
        PixelSize(1024, 1024), PixelSize(832, 1216), PixelSize(1216, 832), PixelSize(896, 1152),
        PixelSize(1152, 896), PixelSize(768, 1344), PixelSize(1344, 768), PixelSize(640, 1536), PixelSize(1536, 640),
    ]

    public static let sdxlClipSkipNote = "1 = 2 on SDXL (penultimate layer)"

    public static func profile(for family: ModelFamily) -> ModelProfile {
        all.first { $0.family == family }!
    }
}
