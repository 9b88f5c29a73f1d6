/// Decodes terminal escape sequences for keys that the terminfo entry does not describe (for
/// example Shift-← under `TERM=screen-256color`), following xterm's "PC-Style Function Keys"
/// (ctlseqs): `CSI 1 ; m X` for cursor keys and Home/End, `CSI n ; m ~` for the editing and
/// function keys, `SS3 X` for F1–F4 and application-mode cursor keys. The modifier m − 1 is a
/// bit set: 1 Shift, 2 Alt, 4 Ctrl.
public enum EscapeSequence {
    public enum Decoded: Equatable, Sendable {
        case key(Key)
        case pasteStart
        case pasteEnd
    }

    /// `introducer` is `[` (CSI) or `O` (SS3); `parameters` the bytes between it and `final`.
    public static func decode(introducer: Character, parameters: String, final: Character) -> Decoded? {
        let fields = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let modifiers = fields.count >= 2 ? modifierSet(fields[1] ?? 1) : []
        if introducer == "O" {
            return cursorOrFunction(final, modifiers)
        }
        if final == "~" {
            guard let number = fields.first ?? nil else { return nil }
            switch number {
            case 200: return .pasteStart
            case 201: return .pasteEnd
            case 1, 7: return .key(Key(.home, modifiers))
            case 2: return .key(Key(.insert, modifiers))
            case 3: return .key(Key(.delete, modifiers))
            case 4, 8: return .key(Key(.end, modifiers))
            case 5: return .key(Key(.pageUp, modifiers))
            case 6: return .key(Key(.pageDown, modifiers))
            default:
                let functionKeys = [11: 1, 12: 2, 13: 3, 14: 4, 15: 5, 17: 6, 18: 7, 19: 8, 20: 9, 21: 10, 23: 11, 24: 12]
                return functionKeys[number].map { .key(Key(.function($0), modifiers)) }
            }
        }
        if final == "Z" { return .key(.backTab) }
        return cursorOrFunction(final, modifiers)
    }

    private static func cursorOrFunction(_ final: Character, _ modifiers: Key.Modifiers) -> Decoded? {
        let code: Key.Code
        switch final {
        case "A": code = .up
        case "B": code = .down
        case "C": code = .right
        case "D": code = .left
        case "H": code = .home
        case "F": code = .end
        case "P": code = .function(1)
        case "Q": code = .function(2)
        case "R": code = .function(3)
        case "S": code = .function(4)
        default: return nil
        }
        return .key(Key(code, modifiers))
    }

    static func modifierSet(_ parameter: Int) -> Key.Modifiers {
        let bits = max(0, parameter - 1)
        var modifiers: Key.Modifiers = []
        if bits & 1 != 0 { modifiers.insert(.shift) }
        if bits & 2 != 0 { modifiers.insert(.alt) }
        if bits & 4 != 0 { modifiers.insert(.control) }
        return modifiers
    }
}
