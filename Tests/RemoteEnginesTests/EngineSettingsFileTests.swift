import Foundation
import TestSupport
import XCTest
@testable import RemoteEngines

/// The engines settings file's mistakes, each one line naming the file and the engine or field.
/// The expected lines are the messages as written in `EngineSettingsFile` and
/// `RemoteEngineConfig`, checked by reading them against each file's mistake.
final class EngineSettingsFileTests: XCTestCase {
    func settingsFile(_ text: String) throws -> URL {
        let file = try Fixtures.temporaryDirectory("easel-engines").appendingPathComponent("engines.json")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    func refusal(_ text: String) throws -> String {
        let file = try settingsFile(text)
        do {
            let engines = try EngineSettingsFile.load(from: file)
            for engine in engines { _ = try engine.credentials() }
            return "accepted"
        } catch {
            return "\(error)".replacingOccurrences(of: file.path, with: "FILE")
        }
    }

    func testABadURLIsOneLineNamingTheEngine() throws {
        XCTAssertEqual(try refusal(#"{"engines": [{"name": "box", "kind": "comfyui", "url": "ftp://10.0.0.5"}]}"#),
                       "FILE: engine 'box': url 'ftp://10.0.0.5' is not an http:// or https:// address with a host")
        XCTAssertEqual(try refusal(#"{"engines": [{"name": "box", "kind": "comfyui", "url": "10.0.0.5:8188"}]}"#),
                       "FILE: field 'engines[0].url': Invalid URL string.", "Foundation's URL decoding refuses it, naming the field")
        XCTAssertTrue(try refusal(#"{"engines": [{"name": "box", "kind": "comfyui", "url": "http://"}]}"#)
                        .hasPrefix("FILE: "), "a URL without a host is refused with the file's name")
    }

    func testAnUnknownKindAndAMissingFieldNameTheField() throws {
        XCTAssertTrue(try refusal(#"{"engines": [{"name": "box", "kind": "forge", "url": "http://h"}]}"#)
                        .hasPrefix("FILE: field 'engines[0].kind'"))
        XCTAssertEqual(try refusal(#"{"engines": [{"name": "box", "url": "http://h"}]}"#), "FILE: missing field 'engines[0].kind'")
        XCTAssertEqual(try refusal("{not json"), "FILE: not valid JSON")
    }

    func testNamesMustBeUniqueAndNotLocal() throws {
        XCTAssertEqual(try refusal(#"{"engines": [{"name": "local", "kind": "a1111", "url": "http://h"}]}"#),
                       "FILE: engine name 'local' is used twice (or is 'local')")
    }

    func testPasswordsComeFromAVariableOrAFileWithAUser() throws {
        XCTAssertEqual(try refusal(#"{"engines": [{"name": "f", "kind": "a1111", "url": "http://h", "passwordEnv": "X"}]}"#),
                       "engine 'f': a password is given but no user")
        XCTAssertEqual(try refusal(#"{"engines": [{"name": "f", "kind": "a1111", "url": "http://h", "user": "me"}]}"#),
                       "engine 'f': user 'me' needs passwordEnv or passwordFile")
        XCTAssertEqual(try refusal(#"{"engines": [{"name": "f", "kind": "a1111", "url": "http://h", "user": "me", "passwordEnv": "EASEL_TEST_UNSET_VARIABLE"}]}"#),
                       "engine 'f': environment variable EASEL_TEST_UNSET_VARIABLE (passwordEnv) is not set")
        XCTAssertEqual(try refusal(#"{"engines": [{"name": "f", "kind": "a1111", "url": "http://h", "user": "me", "passwordFile": "/nonexistent/pw"}]}"#),
                       "engine 'f': cannot read passwordFile /nonexistent/pw")
    }

    func testAnUnknownEngineNameListsTheKnownOnes() throws {
        let file = try settingsFile(#"{"engines": [{"name": "box", "kind": "comfyui", "url": "http://10.0.0.5:8188"}]}"#)
        XCTAssertThrowsError(try EngineSettingsFile.engine(named: "gpu", from: file)) {
            XCTAssertEqual("\($0)", "unknown engine 'gpu' (known: local, box; engines are defined in \(file.path))")
        }
    }
}
