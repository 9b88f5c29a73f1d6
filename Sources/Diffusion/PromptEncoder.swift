import Foundation
import Models
import PromptSyntax

/// Turns prompt text into `Conditioning` through the family's `Conditioner`, with A1111
/// semantics and a cache.
///
/// - LoRA and other extra-network tags (`<lora:name:w>`) are stripped first; the pipeline
///   applies the LoRAs they name to the networks before encoding (`RenderAdapters`).
/// - Prompt editing and alternation expand into a per-step schedule (A1111
///   `get_learned_conditioning_prompt_schedules`); each distinct text is encoded once.
/// - Encodings are cached by (text, clip skip, text-encoder LoRAs with their weights, the
///   embeddings in use), so re-rendering with a new CFG, seed, sampler or step count does not
///   run the text encoder again, and changing a text-encoder LoRA's weight does.
/// - A negative prompt that is exactly empty takes the conditioner's `emptyNegative` when the
///   family has one (SDXL's zeros, A1111 `force_zero_embeddings`).
/// - Each conditioning is then `sized` to the image (SDXL's size sinusoids), after the cache.
public final class PromptEncoder: @unchecked Sendable {
    /// Tokenizes one prompt text into A1111 chunks of 77 ids with emphasis multipliers, with
    /// the given textual-inversion embeddings expanded into their vectors.
    public typealias Chunker = (String, [TextualInversionEmbedding]) throws -> [ConditioningChunk]

    private let conditioner: any Conditioner
    private let chunker: Chunker
    private let lock = NSLock()
    private var cache: [CacheKey: Conditioning] = [:]
    private var cacheOrder: [CacheKey] = []
    /// Entries kept; an SD 1.5 context is 77×768 floats (236 KB) per chunk.
    public let cacheCapacity: Int
    /// Number of text-encoder runs so far (cache misses).
    public private(set) var encoderRuns = 0

    /// The embeddings prompts may call, and what else changes the encoding (see `use`).
    private var embeddings: [TextualInversionEmbedding] = []
    private var variant = ""

    private struct CacheKey: Hashable { var text: String; var clipSkip: Int; var variant: String; var zeroedNegative: Bool }

    public init(conditioner: any Conditioner, cacheCapacity: Int = 64, chunker: @escaping Chunker) {
        self.conditioner = conditioner
        self.cacheCapacity = cacheCapacity
        self.chunker = chunker
    }

    /// Encodes later texts with `embeddings` available and keys the cache by them and by
    /// `textAdapters` (the text-encoder LoRAs and weights now merged, `WeightPatcher.textSignature`).
    public func use(embeddings: [TextualInversionEmbedding], textAdapters: String) {
        lock.lock(); defer { lock.unlock() }
        self.embeddings = embeddings
        variant = textAdapters + "|" + embeddings.map { "\($0.name)=\($0.url.path)" }.joined(separator: ";")
    }

    /// The conditioning (context [1, 77·k, D]) for one prompt text with no scheduling syntax
    /// left in it.
    public func encode(_ text: String, clipSkip: Int, negative: Bool = false) throws -> Conditioning {
        let zeroed = negative && text.isEmpty
        lock.lock()
        let key = CacheKey(text: text, clipSkip: clipSkip, variant: variant, zeroedNegative: zeroed)
        let embeddings = self.embeddings
        if let hit = cache[key] { lock.unlock(); return hit }
        lock.unlock()
        let conditioning = try (zeroed ? conditioner.emptyNegative(clipSkip: clipSkip) : nil)
            ?? conditioner.encode(try chunker(text, embeddings), clipSkip: clipSkip)
        lock.lock()
        defer { lock.unlock() }
        encoderRuns += 1
        cache[key] = conditioning
        cacheOrder.append(key)
        if cacheOrder.count > cacheCapacity { cache[cacheOrder.removeFirst()] = nil }
        return conditioning
    }

    /// Hands the text encoders' half-stored weight pages back to the system
    /// (`CLIPTextModel.releaseWeightPages`; nothing in the other precisions): the pipeline calls
    /// it once a generation's conditioning is done, since the cache usually answers the next
    /// one, and an encoder run after it reads the pages from the file again.
    public func releaseEncoderPages() {
        for model in conditioner.textModels { model.releaseWeightPages() }
    }

    /// The conditioning schedule for `prompt` (the negative prompt when `negative`) over
    /// `steps` sampler steps, for an image of `width` × `height`.
    func schedule(for prompt: String, negative: Bool = false, steps: Int, clipSkip: Int,
                  width: Int, height: Int) throws -> ConditioningSchedule {
        let text = try LoraTag.extract(from: prompt).text
        let entries = try promptSchedule(text, steps: steps)
        return ConditioningSchedule(entries: try entries.map {
            let encoded = try encode($0.text, clipSkip: clipSkip, negative: negative)
            return ConditioningSchedule.Entry(endStep: $0.endStep,
                                              conditioning: conditioner.sized(encoded, width: width, height: height))
        })
    }

    /// Pads every context of both schedules to the longest one through the conditioner, so any
    /// cond and uncond pair fits in one batch: SD 1.x with empty-prompt chunks (A1111
    /// `pad_cond`); SDXL leaves them as they are and the predictor makes separate UNet calls.
    func padToCommonLength(_ a: ConditioningSchedule, _ b: ConditioningSchedule,
                           clipSkip: Int) throws -> (ConditioningSchedule, ConditioningSchedule) {
        let all = a.entries + b.entries
        guard let longest = all.max(by: { $0.conditioning.tokenCount < $1.conditioning.tokenCount })?.conditioning,
              all.contains(where: { $0.conditioning.tokenCount != longest.tokenCount }) else { return (a, b) }
        func pad(_ s: ConditioningSchedule) throws -> ConditioningSchedule {
            ConditioningSchedule(entries: try s.entries.map { entry in
                var padded = entry
                padded.conditioning = try conditioner.padToSameLength(entry.conditioning, longest, clipSkip: clipSkip).cond
                return padded
            })
        }
        return (try pad(a), try pad(b))
    }
}
