import CChafa

/// Which glyphs a cell picture may use.
public enum SymbolSet: String, CaseIterable, Sendable {
    /// Upper and lower half blocks (`▀ ▄`): two square-ish pixels per cell, the most robust choice.
    case halfBlocks
    /// All block elements (`▀ ▄ ▌ ▐ ▖ ▗ ▘ ▝ █ ▁…▇` …) and space.
    case blocks
    /// chafa's default set for its `symbols` output: `block+border+space-wide-inverted`
    /// (block elements, box-drawing borders and space; no wide or inverted glyphs).
    case symbols

    /// The chafa symbol map for this set. The caller owns the returned reference.
    func makeChafaSymbolMap() -> OpaquePointer? {
        guard let map = chafa_symbol_map_new() else { return nil }
        switch self {
        case .halfBlocks:
            chafa_symbol_map_add_by_tags(map, CHAFA_SYMBOL_TAG_VHALF)
        case .blocks:
            chafa_symbol_map_add_by_tags(map, ChafaSymbolTags(CHAFA_SYMBOL_TAG_BLOCK.rawValue | CHAFA_SYMBOL_TAG_SPACE.rawValue))
        case .symbols:
            // Order matters, as in chafa's selector syntax: add, then remove.
            chafa_symbol_map_add_by_tags(map, CHAFA_SYMBOL_TAG_BLOCK)
            chafa_symbol_map_add_by_tags(map, CHAFA_SYMBOL_TAG_BORDER)
            chafa_symbol_map_add_by_tags(map, CHAFA_SYMBOL_TAG_SPACE)
            chafa_symbol_map_remove_by_tags(map, CHAFA_SYMBOL_TAG_WIDE)
            chafa_symbol_map_remove_by_tags(map, CHAFA_SYMBOL_TAG_INVERTED)
        }
        return map
    }
}
