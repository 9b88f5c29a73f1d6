import Foundation
import PromptKit
import RenderSettings
import UntrustedText

/// A one-line command-line error (printed by ArgumentParser as "Error: <message>").
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Checks on text that arrives on the command line.
enum CommandLineText {
    /// Throws when any raw argument is not valid UTF-8 (Swift's `CommandLine.arguments`
    /// would silently replace the bad bytes with U+FFFD).
    static func checkArgumentsAreUTF8() throws {
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self),
                                            count: strlen(pointer))
            if String(validating: bytes, as: UTF8.self) == nil {
                throw CLIError("argument \(index) is not valid UTF-8")
            }
        }
    }

    /// Throws when `text` is longer than `PromptTextLimit.maximumBytes`.
    static func checkLength(_ text: String, name: String) throws {
        try PromptTextLimit.check(text, what: name)
    }

    /// `Infotext.parse`, its error naming the PNG it came from.
    static func parseInfotext(_ text: String, file: String) throws -> RenderSettings {
        do { return try Infotext.parse(text) } catch { throw CLIError("\(file): \(error)") }
    }

    /// The dialect named by `--dialect`, with the valid names in the error.
    static func family(_ name: String?) throws -> ModelFamily? {
        try name.map(ModelFamily.named)
    }
}

extension PresetStore {
    /// The store in `$XDG_CONFIG_HOME/easel/presets` (or `~/.config/easel/presets`).
    static var standard: PresetStore { PresetStore(directory: PresetStore.defaultDirectory()) }
}

/// Writes a line to standard error, control characters made visible (`TerminalText`) and each
/// line kept short: whatever a message quotes, it stays one readable line.
func printError(_ line: String) {
    let safe = line.split(separator: "\n", omittingEmptySubsequences: false)
        .map { QuotedInput.shortened(String($0), limit: 2000) }.joined(separator: "\n")
    FileHandle.standardError.write(Data((safe + "\n").utf8))
}

/// Writes text to standard output with control characters made visible (`TerminalText`): a
/// PNG's text, a grid value or a preset may hold ESC or BEL, and none of it reaches the
/// terminal raw (issue 17, item 10). Every command prints through this.
func printText(_ text: String) {
    print(TerminalText.sanitized(text))
}
