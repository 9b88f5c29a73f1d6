import ArgumentParser
import Foundation

/// A user-facing error whose description is the whole one-line message.
struct CommandLineError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// One-line errors on stderr and a non-zero exit, never a stack trace.
enum CommandLineIO {
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Prints `easel: <error>` and exits with status 1.
    static func fail(_ error: Error) -> Never {
        let message = String(describing: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
        printError("easel: " + message)
        Foundation.exit(1)
    }
}
