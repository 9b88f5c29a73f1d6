/// What the comparison prompts show under their field.
extension TextEntry {
    /// Lines of help below the field (the axis names and A1111's value syntax); none for other prompts.
    public var helpLines: [String] {
        switch purpose {
        case .comparisonX, .comparisonY:
            return [   // at most 44 cells: the prompt's width at 50×14
                "axes: seed steps cfg sampler schedule",
                "  clip-skip · lora:NAME · sr=FIND,REPL,…",
                "  a grid row: what who where light mood …",
                "values: 4,7,10 · 1-5 · 1-10 (+2) · 0-1 [5]",
                "Enter: next · Esc: cancel · edits stop it",
            ]
        default:
            return []
        }
    }
}
