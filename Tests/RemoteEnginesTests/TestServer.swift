import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TestSupport
import XCTest

/// A real image server for these tests, started with the shared tools
/// (`../shared/tools/comfyui-server`, `../shared/tools/sd-server`) on a free port and stopped
/// by its port when the test class ends. Install or build failures (the tools' exit status 4)
/// skip the tests and say so loudly on stderr; any other failure to start fails them.
final class TestServer {
    enum Kind: String { case comfyui = "comfyui-server", sdServer = "sd-server" }

    let kind: Kind
    let url: URL
    let port: String

    static var toolsFolder: URL {
        if let env = ProcessInfo.processInfo.environment["EASEL_SHARED_TOOLS"], !env.isEmpty { return URL(fileURLWithPath: env) }
        return Fixtures.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/tools")
    }

    /// The test cache (`$EASEL_TEST_CACHE`, as the tools read it).
    static var cache: URL {
        let env = ProcessInfo.processInfo.environment
        if let explicit = env["EASEL_TEST_CACHE"], !explicit.isEmpty { return URL(fileURLWithPath: explicit) }
        let base = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory() + "/.cache"
        return URL(fileURLWithPath: base).appendingPathComponent("easel-test")
    }

    private init(kind: Kind, url: URL) {
        self.kind = kind
        self.url = url
        port = url.port.map(String.init) ?? ""
    }

    /// Starts the server; `arguments` follow `start --port 0`.
    static func start(_ kind: Kind, _ arguments: [String]) throws -> TestServer {
        let tool = toolsFolder.appendingPathComponent(kind.rawValue)
        let install = kind == .comfyui ? ["install"] : ["build"]
        let prepared = try run(tool, install)
        if prepared.status == 4 {
            let line = "\n*** SKIPPING \(kind.rawValue) TESTS: its install/build step failed (exit 4) ***\n\(prepared.stderr.suffix(2000))\n"
            FileHandle.standardError.write(Data(line.utf8))
            throw XCTSkip("\(kind.rawValue) install failed (exit 4); see stderr")
        }
        guard prepared.status == 0 else {
            throw TestServerError("\(kind.rawValue) \(install[0]) exited \(prepared.status): \(prepared.stderr.suffix(1500))")
        }
        let started = try run(tool, ["start", "--port", "0"] + arguments)
        guard started.status == 0, let line = started.stdout.split(separator: "\n").last,
              let url = URL(string: String(line).trimmingCharacters(in: .whitespaces)) else {
            throw TestServerError("\(kind.rawValue) start exited \(started.status): \(started.stderr.suffix(1500))")
        }
        return TestServer(kind: kind, url: url)
    }

    func stop() {
        _ = try? Self.run(Self.toolsFolder.appendingPathComponent(kind.rawValue), ["stop", "--port", port])
    }

    /// The server's log (the tools keep it under the cache's `run/PORT.log`).
    var log: String {
        let folder = kind == .comfyui ? "comfyui" : "sd-server"
        return (try? String(contentsOf: Self.cache.appendingPathComponent("\(folder)/run/\(port).log"), encoding: .utf8)) ?? ""
    }

    /// Runs a tool to its exit with `system(3)`, output to files. `start` leaves the server
    /// running with the tool's stdout and stderr, so a pipe would never reach its end, and
    /// Foundation's `Process` was seen missing that tool's exit (left a zombie) here.
    static func run(_ tool: URL, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let folder = try Fixtures.temporaryDirectory("easel-tool")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outFile = folder.appendingPathComponent("out"), errFile = folder.appendingPathComponent("err")
        let quoted = ([tool.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let status = system("bash " + quoted.joined(separator: " ") + " >'\(outFile.path)' 2>'\(errFile.path)' </dev/null")
        let read = { (url: URL) in (try? String(contentsOf: url, encoding: .utf8)) ?? "" }
        return ((status >> 8) & 0xff, read(outFile), read(errFile))
    }
}

struct TestServerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The random-weight SD 1.5-shape fp16 checkpoint both servers load, written once by
/// `easel-bench --write-checkpoint` into the test cache (about 2 GiB; seconds to write).
enum RandomCheckpoint {
    static let fileName = "easel-sd15-random-fp16.safetensors"
    static var folder: URL { TestServer.cache.appendingPathComponent("easel/models") }
    static var file: URL { folder.appendingPathComponent(fileName) }

    static func ensure() throws -> URL {
        if FileManager.default.fileExists(atPath: file.path) { return file }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let bench = EaselProcess.binary.deletingLastPathComponent().appendingPathComponent("easel-bench")
        guard FileManager.default.isExecutableFile(atPath: bench.path) else {
            throw TestServerError("easel-bench is not built at \(bench.path) (swift build builds it)")
        }
        // flock: two test runs at once write the file once.
        let script = "exec 9>'\(folder.path)/.lock'; flock 9; [ -f '\(file.path)' ] || '\(bench.path)' --write-checkpoint '\(file.path)'"
        let status = system("bash -c \"" + script.replacingOccurrences(of: "\"", with: "\\\"") + "\"")
        guard status == 0, FileManager.default.fileExists(atPath: file.path) else {
            throw TestServerError("easel-bench --write-checkpoint failed (status \(status))")
        }
        return file
    }
}
