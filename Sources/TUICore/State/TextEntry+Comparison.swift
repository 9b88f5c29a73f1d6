/// What the comparison prompts show under their field.
extension TextEntry {
    /// Lines of help below the field (the axis names and A1111's value syntax); none for other prompts.
    public var helpLines: [String] {
        switch purpose {
        case .comparisonX, .comparisonY:
            return [
                "axes: seed steps cfg sampler schedule clip-skip",
                "  sr (Prompt S/R: first value is replaced) lora:NAME",
                "  a grid row: what who doing where light mood …",
                "values: 4,7,10 · 1-5 · 1-10 (+2) · 0-1 [5] · \"a, b\",c",
                "Enter next/render · Esc cancel · any edit stops it",
            ]
        default:
            return []
        }
    }
}
