/// What the terminal delivers: a key, a bracketed paste, or a new size.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    case paste(String)
    case resize(columns: Int, rows: Int)
}
