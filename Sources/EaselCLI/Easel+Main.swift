import ArgumentParser
import Foundation

extension Easel {
    /// ArgumentParser's `main()`, with two changes: arguments go through `ArgumentSplitter`, and
    /// error messages through `printError` (control characters made visible, lines kept short),
    /// since a message may quote a file's or an argument's text.
    public static func runFromCommandLine() -> Never {
        let arguments = ArgumentSplitter.split(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }   // --help, --version: as ArgumentParser prints them
            printError(fullMessage(for: error))
            Foundation.exit(code.rawValue)
        }
    }
}
