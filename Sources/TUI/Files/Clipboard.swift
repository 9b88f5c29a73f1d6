import Foundation

/// Copying text to the terminal's clipboard with OSC 52 (`ESC ] 52 ; c ; base64 BEL`), which
/// xterm (with `allowWindowOps`), tmux (`set-clipboard`), kitty, foot, WezTerm and others honour.
enum Clipboard {
    static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }
}
