import Foundation

extension AdapterNetwork {
    /// The format as users name it: "LoRA", "LoCon" (a LoRA with a convolution of kernel > 1,
    /// LyCORIS's name), "LoHa", "LoKr", "full diff"; several joined by "+".
    public var formatName: String {
        var names: [String] = []
        if kinds.contains(.lora) {
            let conv = modules.contains { $0.kind == .lora && (($0.shape("lora_down.weight") ?? $0.shape("lora_A.weight") ?? []).dropFirst(2).contains { $0 > 1 }) }
            names.append(conv ? "LoCon" : "LoRA")
        }
        if kinds.contains(.loha) { names.append("LoHa") }
        if kinds.contains(.lokr) { names.append("LoKr") }
        if kinds.contains(.full) { names.append("full diff") }
        return names.joined(separator: "+")
    }

    /// Trigger words: Stability's `modelspec.trigger_phrase` (split at commas), then the
    /// training captions' tags by frequency, summed over the dataset folders of kohya's
    /// `ss_tag_frequency` (`{"folder": {"tag": count}}`), as A1111 orders them
    /// (`extensions-builtin/Lora/ui_edit_user_metadata.py` `build_tags`: tags stripped, counts
    /// added, sorted by count descending; A1111's re-splitting of long caption sentences is not
    /// done). At most `limit`.
    public func triggerWords(limit: Int = 8) -> [String] {
        var words: [String] = []
        if let phrase = metadata["modelspec.trigger_phrase"] {
            words += phrase.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        if let text = metadata["ss_tag_frequency"], let data = text.data(using: .utf8),
           let folders = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] {
            var counts: [String: Int] = [:]
            for case let tags as [String: Any] in folders.values {
                for (tag, count) in tags {
                    let tag = tag.trimmingCharacters(in: .whitespaces)
                    guard !tag.isEmpty else { continue }
                    counts[tag, default: 0] += (count as? Int) ?? Int("\(count)") ?? 0
                }
            }
            let sorted = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
            words += sorted.filter { !words.contains($0) }
        }
        return Array(words.prefix(limit))
    }

    /// `modelspec.title`, else `modelspec.description`, when present.
    public var specTitle: String? {
        for key in ["modelspec.title", "modelspec.description"] {
            if let value = metadata[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty { return value }
        }
        return nil
    }
}
