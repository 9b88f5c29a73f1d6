/// What a piece of the screen means. Themes map each role to colours and attributes; drawing code
/// only ever names roles.
public enum ThemeRole: String, CaseIterable, Sendable, Codable {
    case text, dim, title, titleFocused, border, borderFocused
    case selection, editing, cursor, value, label, placeholder
    /// The placeholder of the selected, empty grid field: typing replaces it.
    case placeholderSelected
    case warning, error, success
    case sliderFill, sliderTrack, sliderRecommended
    case progressFill, progressTrack, statusBar, hintKey, hintText
    case overlay, overlayBorder
}
