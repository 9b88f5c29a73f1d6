import Foundation
import TestSupport
import XCTest

/// Debian's nginx with HTTP Basic auth in front of a test server (`tests/remote/auth-proxy`):
/// a real authenticating server, as users put one in front of ComfyUI or sd-server. An nginx
/// install failure (the tool's exit status 4) skips, loudly.
final class AuthProxy {
    let url: URL
    private let folder: String

    private init(url: URL, folder: String) {
        self.url = url
        self.folder = folder
    }

    static var tool: URL { Fixtures.repoRoot.appendingPathComponent("tests/remote/auth-proxy") }

    static func start(upstream: URL, user: String, password: String) throws -> AuthProxy {
        let started = try TestServer.run(tool, ["start", upstream.absoluteString, user, password])
        if started.status == 4 {
            FileHandle.standardError.write(Data("\n*** SKIPPING the Basic-auth test: installing nginx failed (exit 4) ***\n\(started.stderr.suffix(1500))\n".utf8))
            throw XCTSkip("nginx install failed (exit 4); see stderr")
        }
        let lines = started.stdout.split(separator: "\n").map(String.init)
        guard started.status == 0, lines.count == 2, let url = URL(string: lines[0]) else {
            throw TestServerError("auth-proxy start exited \(started.status): \(started.stderr.suffix(1500))")
        }
        return AuthProxy(url: url, folder: lines[1])
    }

    func stop() { _ = try? TestServer.run(Self.tool, ["stop", folder]) }
}
