/// A single-line editable text with a cursor, counted in grapheme clusters (Swift `Character`s),
/// so the cursor never lands inside an emoji sequence or between a letter and its accent.
public struct TextField: Equatable, Sendable {
    /// The characters, kept as an array for O(1) cursor arithmetic.
    public private(set) var characters: [Character]
    /// Insertion point: 0 is before the first character, `characters.count` after the last.
    public private(set) var cursor: Int

    public init(_ text: String = "", cursor: Int? = nil) {
        characters = Array(TextField.sanitized(text))
        self.cursor = min(max(cursor ?? characters.count, 0), characters.count)
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    /// Text as it may live in a single-line field: tabs and line breaks become spaces (a pasted
    /// multi-line prompt stays readable), other control characters are dropped.
    public static func sanitized<S: StringProtocol>(_ text: S) -> String {
        var out = ""
        var lastWasBreak = false
        for character in text {
            if character == "\t" || character.isNewline {
                if !lastWasBreak { out.append(" ") }
                lastWasBreak = character.isNewline
                continue
            }
            lastWasBreak = false
            if character.unicodeScalars.count == 1, let s = character.unicodeScalars.first,
               s.value < 0x20 || (s.value >= 0x7F && s.value < 0xA0) {
                continue
            }
            out.append(character)
        }
        return out
    }
}

// MARK: - Editing

extension TextField {
    /// Inserts (sanitised) text at the cursor and moves the cursor after it.
    public mutating func insert<S: StringProtocol>(_ text: S) {
        let new = Array(TextField.sanitized(text))
        characters.insert(contentsOf: new, at: cursor)
        cursor += new.count
    }

    /// Replaces the whole text, cursor at the end.
    public mutating func setText(_ text: String) {
        characters = Array(TextField.sanitized(text))
        cursor = characters.count
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Deletes from the start of the word before the cursor up to the cursor (readline's
    /// `backward-kill-word`: separators first, then the word).
    public mutating func deleteWordBackward() {
        let start = wordStart(before: cursor)
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Deletes from the cursor to the end of the next word (readline's `kill-word`).
    public mutating func deleteWordForward() {
        let end = wordEnd(after: cursor)
        characters.removeSubrange(cursor..<end)
    }

    /// Deletes from the cursor to the end of the line (Ctrl-K).
    public mutating func deleteToEnd() {
        characters.removeSubrange(cursor...)
    }

    /// Deletes from the start of the line to the cursor (Ctrl-U).
    public mutating func deleteToStart() {
        characters.removeSubrange(..<cursor)
        cursor = 0
    }
}

// MARK: - Cursor movement

extension TextField {
    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveToStart() { cursor = 0 }
    public mutating func moveToEnd() { cursor = characters.count }
    public mutating func moveWordLeft() { cursor = wordStart(before: cursor) }
    public mutating func moveWordRight() { cursor = wordEnd(after: cursor) }

    /// Word characters are everything but white space and punctuation; `_` and `'` belong to words
    /// (`score_9`, `don't`), so do emoji and CJK.
    static func isWordCharacter(_ c: Character) -> Bool {
        if c.isWhitespace { return false }
        if c == "_" || c == "'" { return true }
        return !c.isPunctuation && !(c.isSymbol && c.isASCII)
    }

    func wordStart(before index: Int) -> Int {
        var i = index
        while i > 0 && !TextField.isWordCharacter(characters[i - 1]) { i -= 1 }
        while i > 0 && TextField.isWordCharacter(characters[i - 1]) { i -= 1 }
        return i
    }

    func wordEnd(after index: Int) -> Int {
        var i = index
        while i < characters.count && !TextField.isWordCharacter(characters[i]) { i += 1 }
        while i < characters.count && TextField.isWordCharacter(characters[i]) { i += 1 }
        return i
    }
}

// MARK: - Display

extension TextField {
    /// What a box `width` cells wide shows: the first visible character's index and the cursor's
    /// cell column inside the box. The text scrolls only as far as needed to keep the cursor
    /// (and one cell for it) in view.
    public func viewport(width: Int) -> (first: Int, cursorColumn: Int) {
        guard width > 0 else { return (cursor, 0) }
        var first = 0
        var column = CellWidth.of(String(characters[0..<cursor]))
        // Scroll right until the cursor cell fits: column + 1 <= width.
        while column + 1 > width && first < cursor {
            column -= CellWidth.of(characters[first])
            first += 1
        }
        return (first, column)
    }

    /// The visible text for a box `width` cells wide (see `viewport(width:)`).
    public func visibleText(width: Int) -> String {
        let first = viewport(width: width).first
        return CellWidth.prefix(String(characters[first...]), fitting: width)
    }
}
