import ArgumentParser
import Foundation

/// One-line errors on stderr and a non-zero exit, never a stack trace.
enum CommandLineIO {
    /// Prints `easel: <error>` and exits with status 1.
    static func fail(_ error: Error) -> Never {
        let message = String(describing: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
        printError("easel: " + message)
        Foundation.exit(1)
    }
}
