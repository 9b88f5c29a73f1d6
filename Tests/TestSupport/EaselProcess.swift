import Foundation
import XCTest

/// Runs the built `easel` executable (next to the test bundle) as a subprocess.
public struct EaselProcess {
    public struct Output {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    public static var binary: URL {
        Bundle.main.bundleURL.appendingPathComponent("easel")
    }

    /// The `XDG_DATA_HOME` of runs that name none (one scratch folder per test process).
    public static let scratchDataHome = FileManager.default.temporaryDirectory
        .appendingPathComponent("easel-test-data-\(ProcessInfo.processInfo.processIdentifier)").path

    /// Runs `easel arguments…` with extra environment variables; waits for it to exit.
    public static func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Output {
        finish(try start(arguments, environment: extra))
    }

    /// Runs `sh -c script` with `$EASEL` set to the binary, for arguments that are not valid
    /// UTF-8 (a Swift `String` cannot hold them): `"$EASEL" prompt parse "$(printf 'caf\351')"`.
    public static func runShell(_ script: String, environment extra: [String: String] = [:]) throws -> Output {
        finish(try start([script], environment: extra.merging(["EASEL": binary.path]) { $1 }, shell: true))
    }

    private static func finish(_ process: (process: Process, out: Pipe, err: Pipe)) -> Output {
        let stdout = process.out.fileHandleForReading.readDataToEndOfFile()
        let stderr = process.err.fileHandleForReading.readDataToEndOfFile()
        process.process.waitUntilExit()
        return Output(status: process.process.terminationStatus,
                      stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Starts `easel` without waiting, for tests that signal it.
    public static func start(_ arguments: [String], environment extra: [String: String] = [:],
                             shell: Bool = false) throws -> (process: Process, out: Pipe, err: Pipe) {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("easel binary not built at \(binary.path)")
        }
        let process = Process()
        process.executableURL = shell ? URL(fileURLWithPath: "/bin/sh") : binary
        process.arguments = shell ? ["-c"] + arguments : arguments
        var environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        // `generate` keeps renders in $XDG_DATA_HOME/easel/history: a scratch folder, never the user's.
        if extra["XDG_DATA_HOME"] == nil { environment["XDG_DATA_HOME"] = scratchDataHome }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }
}
