/// A1111's `Lora hashes` and `TI hashes` infotext fields: `"name: shorthash, name: shorthash"`
/// (quoted as a whole by `InfotextQuoting`, since it holds `:` and `,`). Names have `:` and
/// `,` removed when written, as A1111 removes them.
///
/// Sources: A1111 `extensions-builtin/Lora/extra_networks_lora.py` (`activate`:
/// `mentioned_name.replace(':', '').replace(',', '')`, `f"{alias}: {shorthash}"` joined by
/// `", "` into `extra_generation_params['Lora hashes']`), `modules/processing.py` /
/// `sd_hijack.py` (`TI hashes` the same way for the embeddings a prompt used), and
/// `extensions-builtin/Lora/lora_script.py` `infotext_pasted` (reading it back:
/// `split(",")`, then `split(":")`).
public struct NetworkHash: Equatable, Sendable {
    public var name: String
    public var hash: String

    public init(name: String, hash: String) {
        self.name = name
        self.hash = hash
    }
}

public enum NetworkHashes {
    public static let loraKey = "Lora hashes", embeddingKey = "TI hashes"

    /// The field's value for `hashes` (nil when there are none).
    public static func format(_ hashes: [NetworkHash]) -> String? {
        guard !hashes.isEmpty else { return nil }
        return hashes.map { h in
            h.name.replacingOccurrences(of: ":", with: "").replacingOccurrences(of: ",", with: "") + ": " + h.hash
        }.joined(separator: ", ")
    }

    /// The pairs of a field's value; a part without `name: hash` is skipped, as A1111 skips it.
    public static func parse(_ value: String) -> [NetworkHash] {
        value.split(separator: ",").compactMap { part in
            let pieces = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty else { return nil }
            return NetworkHash(name: pieces[0], hash: pieces[1].lowercased())
        }
    }
}

extension RenderSettings {
    /// `Lora hashes`, kept in `extraParameters` (so it is written and read like any A1111 key).
    public var loraHashes: [NetworkHash] {
        get { extraParameter(NetworkHashes.loraKey).map(NetworkHashes.parse) ?? [] }
        set { setExtraParameter(NetworkHashes.loraKey, NetworkHashes.format(newValue)) }
    }

    /// `TI hashes`, likewise.
    public var embeddingHashes: [NetworkHash] {
        get { extraParameter(NetworkHashes.embeddingKey).map(NetworkHashes.parse) ?? [] }
        set { setExtraParameter(NetworkHashes.embeddingKey, NetworkHashes.format(newValue)) }
    }

    func extraParameter(_ key: String) -> String? { extraParameters.last { $0.key == key }?.value }

    /// Sets (or, for nil, removes) `key`, in the place it had.
    mutating func setExtraParameter(_ key: String, _ value: String?) {
        let index = extraParameters.firstIndex { $0.key == key }
        extraParameters.removeAll { $0.key == key }
        guard let value else { return }
        extraParameters.insert(InfotextField(key: key, value: value), at: min(index ?? extraParameters.count, extraParameters.count))
    }
}
