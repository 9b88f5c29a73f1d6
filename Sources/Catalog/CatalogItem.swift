/// What samplers and schedules have in common: a canonical id (the raw value) and a row in
/// `SamplerCatalog` holding every other name. The lookups are written once, here.
public protocol CatalogItem: RawRepresentable, CaseIterable, Equatable, Sendable where RawValue == String {
    associatedtype Entry: CatalogEntry where Entry.Item == Self
    /// Every row, in the catalogue's order.
    static var entries: [Entry] { get }
    /// The error for an id that names no item.
    static func unknownID(_ id: String) -> CatalogError
}

/// One row of the catalogue: the item and the names it goes by.
public protocol CatalogEntry: Sendable {
    associatedtype Item: CatalogItem
    var item: Item { get }
    /// A1111's name (infotext, the A1111 API).
    var displayName: String { get }
    /// ComfyUI's KSampler name.
    var comfyUIName: String { get }
    /// Other accepted names.
    var aliases: [String] { get }
}

extension CatalogEntry {
    /// Every name that means this item: id, A1111 name, ComfyUI name, aliases.
    public var names: [String] { [item.rawValue, displayName, comfyUIName] + aliases }
}

extension CatalogItem {
    /// The item with canonical id `id` exactly (no other names), or `unknownID(id)`.
    public init(id: String) throws {
        guard let item = Self(rawValue: id) else { throw Self.unknownID(id) }
        self = item
    }

    /// The item a single name means: the canonical id, the A1111 name, an alias or the
    /// ComfyUI name, ignoring case and surrounding spaces.
    public init?(name: String) {
        guard let entry = Self.entry(named: name) else { return nil }
        self = entry.item
    }

    /// The entry one of whose names is `name` (ignoring case and surrounding spaces).
    public static func entry(named name: String) -> Entry? {
        let wanted = SamplerCatalog.normalized(name)
        return entries.first { $0.names.contains { SamplerCatalog.normalized($0) == wanted } }
    }

    /// The canonical id, e.g. `euler_a` or `sgm_uniform`.
    public var id: String { rawValue }

    /// This item's row in the catalogue.
    public var entry: Entry { Self.entries.first { $0.item == self }! }

    /// A1111's name, e.g. `Euler a` or `SGM Uniform`.
    public var displayName: String { entry.displayName }

    /// ComfyUI's KSampler name, e.g. `euler_ancestral` or `sgm_uniform`.
    public var comfyUIName: String { entry.comfyUIName }
}
