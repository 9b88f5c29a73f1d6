/// How printable keys behave on the grid when no field is being edited.
public enum KeyStyle: String, Equatable, Sendable, CaseIterable {
    /// Typing types: any printable key starts editing the selected field with that key, and
    /// commands live on Ctrl and F-keys (nano, micro, web forms).
    case standard
    /// Vim-style: letters move (`hjkl`) and run commands (`q`, `s`, `p`, …); Enter, `i`, `a` or
    /// `e` start editing.
    case vim
}
