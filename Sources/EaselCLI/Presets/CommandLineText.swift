import Foundation
import PromptKit

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

    /// Throws when `text` is longer than `PromptGrid.maximumTextBytes`.
    static func checkLength(_ text: String, name: String) throws {
        if text.utf8.count > PromptGrid.maximumTextBytes {
            throw PromptKitError.textTooLong(what: name, bytes: text.utf8.count, limit: PromptGrid.maximumTextBytes)
        }
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

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
