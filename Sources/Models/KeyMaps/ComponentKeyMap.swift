/// One rename between the canonical (LDM) naming and a file's naming: a key prefix on each
/// side, plus renames of the segment that follows the prefix (`parts`). Among `parts`, the
/// first pair with a given canonical segment is the file's current spelling; later pairs with
/// the same canonical segment are older aliases, accepted when reading only.
public struct KeyRename: Sendable {
    public let canonical: String
    public let original: String
    public let parts: [KeyPart]

    public init(_ canonical: String, _ original: String, parts: [KeyPart] = []) {
        self.canonical = canonical
        self.original = original
        self.parts = parts
    }
}

/// A renamed key segment (for example LDM `in_layers.0.` = diffusers `norm1.`).
public struct KeyPart: Sendable {
    public let canonical: String
    public let original: String

    public init(_ canonical: String, _ original: String) {
        self.canonical = canonical
        self.original = original
    }
}

/// How one component (UNet, VAE, text encoder) is named inside one file: the component prefix
/// to strip, and the renames that turn the rest into canonical keys. A key that no rename
/// matches keeps its name, as in diffusers' conversion scripts.
public struct ComponentKeyMap: Sendable {
    /// Prefix of the component's keys in the file (`model.diffusion_model.`, or empty).
    public let prefix: String
    public let renames: [KeyRename]
    /// Canonical keys left out of the table (buffers such as `embeddings.position_ids`).
    public let ignored: Set<String>
    /// Canonical keys stored as 1×1 convolutions [C, C, 1, 1] that some files hold as
    /// Linear weights [C, C]; they are reshaped when read.
    public let convolutionWeights: Set<String>

    public init(prefix: String, renames: [KeyRename] = [], ignored: Set<String> = [],
                convolutionWeights: Set<String> = []) {
        self.prefix = prefix
        self.renames = renames
        self.ignored = ignored
        self.convolutionWeights = convolutionWeights
    }

    /// The canonical key for a key in the file, or nil when the key belongs to no component
    /// or is ignored.
    public func canonicalKey(forFileKey key: String) -> String? {
        guard key.hasPrefix(prefix) else { return nil }
        let name = String(key.dropFirst(prefix.count))
        let canonical = Self.translate(name, renames, from: \.original, to: \.canonical,
                                       partFrom: \.original, partTo: \.canonical)
        return ignored.contains(canonical) ? nil : canonical
    }

    /// The key a canonical name has (or would have) in the file.
    public func fileKey(forCanonicalKey key: String) -> String {
        prefix + Self.translate(key, renames, from: \.canonical, to: \.original,
                                partFrom: \.canonical, partTo: \.original)
    }

    /// Applies the rename whose `from` prefix is the longest match, then the first matching part.
    private static func translate(_ key: String, _ renames: [KeyRename],
                                  from: KeyPath<KeyRename, String>, to: KeyPath<KeyRename, String>,
                                  partFrom: KeyPath<KeyPart, String>, partTo: KeyPath<KeyPart, String>) -> String {
        let matches = renames.filter { key.hasPrefix($0[keyPath: from]) }
        guard let rename = matches.max(by: { $0[keyPath: from].count < $1[keyPath: from].count }) else { return key }
        let rest = String(key.dropFirst(rename[keyPath: from].count))
        guard let part = rename.parts.first(where: { rest.hasPrefix($0[keyPath: partFrom]) }) else {
            return rename[keyPath: to] + rest
        }
        return rename[keyPath: to] + part[keyPath: partTo] + rest.dropFirst(part[keyPath: partFrom].count)
    }
}
