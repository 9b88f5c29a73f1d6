import CNCursesW
import TUICore
import UntrustedText

/// Turns ncursesw's `wget_wch` results into `InputEvent`s: wide characters, key codes (including
/// the xterm modifier variants ncurses names `kLFT5`, `kRIT3`, … which `keyname` reports), Alt as
/// ESC + key, and bracketed paste (`ESC [ 200 ~` … `ESC [ 201 ~`, registered with `define_key`).
final class CursesKeyReader {
    private static let pasteStartCode: Int32 = KEY_MAX + 1
    private static let pasteEndCode: Int32 = KEY_MAX + 2

    init() {
        define_key("\u{1B}[200~", CursesKeyReader.pasteStartCode)
        define_key("\u{1B}[201~", CursesKeyReader.pasteEndCode)
    }

    /// Reads everything available without waiting.
    func drain() -> [InputEvent] {
        nodelay(stdscr, true)
        var events: [InputEvent] = []
        while let raw = read() {
            if let event = decode(raw) { events.append(event) }
        }
        return events
    }

    private enum Raw { case character(UInt32), code(Int32) }

    private func read() -> Raw? {
        var ch: wint_t = 0
        let status = wget_wch(stdscr, &ch)
        if status == KEY_CODE_YES { return .code(Int32(ch)) }
        if status == OK { return .character(UInt32(ch)) }
        return nil
    }

    private func decode(_ raw: Raw) -> InputEvent? {
        switch raw {
        case .code(let code):
            if code == CursesKeyReader.pasteStartCode { return .paste(readPaste()) }
            if code == KEY_RESIZE { return .resize(columns: Int(getmaxx(stdscr)), rows: Int(getmaxy(stdscr))) }
            return decodeKeyCode(code).map(InputEvent.key)
        case .character(0x1B):
            // ESC then another key already waiting: an escape sequence curses did not know, or
            // the terminal's Alt prefix.
            if let next = read() {
                switch next {
                case .character(let c) where c == 0x5B || c == 0x4F:   // CSI "[" or SS3 "O"
                    return decodeSequence(introducer: c == 0x5B ? "[" : "O")
                case .character(let c):
                    if c == 0x7F || c == 0x08 { return .key(Key(.backspace, .alt)) }
                    if c == 0x1B { return .key(.escape) }
                    if let key = decodeCharacter(c) {
                        var k = key
                        k.modifiers.insert(.alt)
                        return .key(k)
                    }
                    return nil
                case .code(let code):
                    if var key = decodeKeyCode(code) {
                        key.modifiers.insert(.alt)
                        return .key(key)
                    }
                    return nil
                }
            }
            return .key(.escape)
        case .character(let c):
            return decodeCharacter(c).map(InputEvent.key)
        }
    }

    /// Reads the rest of a CSI/SS3 sequence (parameter bytes, then one final byte) and decodes
    /// it; an unknown sequence is swallowed whole rather than typed as text.
    private func decodeSequence(introducer: Character) -> InputEvent? {
        var parameters = ""
        while parameters.count < 16, let raw = read() {
            guard case .character(let c) = raw, let scalar = Unicode.Scalar(c) else { return nil }
            if (0x20...0x3F).contains(c) {
                parameters.unicodeScalars.append(scalar)
                continue
            }
            switch EscapeSequence.decode(introducer: introducer, parameters: parameters, final: Character(scalar)) {
            case .key(let key)?: return .key(key)
            case .pasteStart?: return .paste(readPaste())
            case .pasteEnd?, nil: return nil
            }
        }
        // "ESC [" with nothing after it: Alt-[ typed by hand.
        return parameters.isEmpty ? .key(.alt(introducer)) : nil
    }

    private func decodeCharacter(_ c: UInt32) -> Key? {
        switch c {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x1B: return .escape
        case 0x01...0x1A:
            return .ctrl(Character(Unicode.Scalar(UInt8(c) + 0x60)))
        case 0x00, 0x1C...0x1F: return nil
        default:
            guard let scalar = Unicode.Scalar(c) else { return nil }
            return .char(Character(scalar))
        }
    }

    private func decodeKeyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return Key(.insert)
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_SLEFT: return Key(.left, .shift)
        case KEY_SRIGHT: return Key(.right, .shift)
        case KEY_SR: return Key(.up, .shift)
        case KEY_SF: return Key(.down, .shift)
        case KEY_SHOME: return Key(.home, .shift)
        case KEY_SEND: return Key(.end, .shift)
        case KEY_SDC: return Key(.delete, .shift)
        default:
            if code >= KEY_F0 && code <= KEY_F0 + 63 {
                let n = Int(code - KEY_F0)
                // xterm reports Shift-F1…F12 as F13…F24.
                return n > 12 && n <= 24 ? Key(.function(n - 12), .shift) : .f(n)
            }
            return decodeExtendedName(code)
        }
    }

    /// ncurses names xterm's modified cursor keys by capability: `kLFT5` is Ctrl-Left, the digit
    /// being xterm's modifier parameter (2 Shift, 3 Alt, 4 Shift-Alt, 5 Ctrl, 6 Shift-Ctrl, 7 Alt-Ctrl).
    private func decodeExtendedName(_ code: Int32) -> Key? {
        guard let cName = keyname(code) else { return nil }
        let name = String(cString: cName)
        let bases: [(String, Key.Code)] = [
            ("kLFT", .left), ("kRIT", .right), ("kUP", .up), ("kDN", .down), ("kHOM", .home),
            ("kEND", .end), ("kDC", .delete), ("kPRV", .pageUp), ("kNXT", .pageDown), ("kIC", .insert),
        ]
        for (prefix, base) in bases where name.hasPrefix(prefix) {
            guard let digit = Int(name.dropFirst(prefix.count)), (2...8).contains(digit) else { continue }
            let bits = digit - 1
            var modifiers: Key.Modifiers = []
            if bits & 1 != 0 { modifiers.insert(.shift) }
            if bits & 2 != 0 { modifiers.insert(.alt) }
            if bits & 4 != 0 { modifiers.insert(.control) }
            return Key(base, modifiers)
        }
        return nil
    }

    /// Most characters kept from one paste: four times the prompt-text limit, so the reducer
    /// can still say how much it cut (`WorkbenchReducer.cutPaste`); the rest is read and dropped.
    static let maximumPasteScalars = 4 * PromptTextLimit.maximumBytes

    /// Collects a bracketed paste up to its end marker (waiting briefly for the rest of it).
    /// Linear: the kept scalars are counted as they come (counting `text.unicodeScalars` per
    /// character made a 65 KB paste take 40 s, issue 17, item 6). Past `maximumPasteScalars` the
    /// rest is read to the end marker and dropped, so none of it arrives as keys; a quit signal
    /// stops the read.
    private func readPaste() -> String {
        var text = String.UnicodeScalarView()
        var kept = 0
        nodelay(stdscr, false)
        wtimeout(stdscr, 200)
        defer { nodelay(stdscr, true) }
        while TerminalGuard.quitSignal == 0, let raw = read() {
            var scalar: Unicode.Scalar?
            switch raw {
            case .code(CursesKeyReader.pasteEndCode): return String(text)
            case .code(KEY_ENTER): scalar = "\n"
            case .code: continue
            case .character(let c): scalar = c == 0x0D ? "\n" : Unicode.Scalar(c)
            }
            guard let scalar, kept < Self.maximumPasteScalars else { continue }
            text.append(scalar)
            kept += 1
        }
        return String(text)
    }
}
