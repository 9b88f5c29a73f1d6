import Foundation

/// One engine entry of the settings file (`EngineSettingsFile`): what the user named it,
/// which API its server speaks, where it is, and how to log in. Passwords are never in this
/// file itself nor on the command line: `passwordEnv` names an environment variable and
/// `passwordFile` a file whose first line is the password.
public struct RemoteEngineConfig: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        /// A1111's `/sdapi/v1` API: A1111, Forge, SD.Next, stable-diffusion.cpp's `sd-server`.
        case a1111
        /// ComfyUI's `/prompt`, `/ws`, `/history`, `/view` API.
        case comfyui
    }

    public var name: String
    public var kind: Kind
    /// The server's base address, `http://HOST:PORT` (a path prefix is kept).
    public var url: URL
    /// HTTP Basic user name (A1111's `--api-auth USER:PASS`, or a proxy in front of ComfyUI).
    public var user: String?
    public var passwordEnv: String?
    public var passwordFile: String?
    /// Seconds to wait for one job before giving up (default 600).
    public var timeout: Double?
    /// ComfyUI: the graph template to use for SD 1.x checkpoints (a built-in name or a file).
    public var template: String?

    public init(name: String, kind: Kind, url: URL, user: String? = nil, passwordEnv: String? = nil,
                passwordFile: String? = nil, timeout: Double? = nil, template: String? = nil) {
        self.name = name
        self.kind = kind
        self.url = url
        self.user = user
        self.passwordEnv = passwordEnv
        self.passwordFile = passwordFile
        self.timeout = timeout
        self.template = template
    }

    /// Seconds a job may take.
    public var jobTimeout: Double { timeout ?? 600 }

    /// `comfyui "gpu-box" at http://10.0.0.5:8188`, for PNGs and the status line.
    public var label: String { "\(kind.rawValue) \"\(name)\" at \(url.absoluteString)" }

    /// The Basic credentials, with the password read now from its variable or file.
    public func credentials() throws -> BasicCredentials? {
        guard let user else {
            if passwordEnv != nil || passwordFile != nil {
                throw RemoteEngineError.settings("engine '\(name)': a password is given but no user")
            }
            return nil
        }
        if let variable = passwordEnv {
            guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else {
                throw RemoteEngineError.settings("engine '\(name)': environment variable \(variable) (passwordEnv) is not set")
            }
            return BasicCredentials(user: user, password: value)
        }
        if let file = passwordFile {
            let path = (file as NSString).expandingTildeInPath
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw RemoteEngineError.settings("engine '\(name)': cannot read passwordFile \(path)")
            }
            return BasicCredentials(user: user, password: String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""))
        }
        throw RemoteEngineError.settings("engine '\(name)': user '\(user)' needs passwordEnv or passwordFile")
    }
}

/// An HTTP Basic user and password.
public struct BasicCredentials: Equatable, Sendable {
    public var user: String
    public var password: String

    /// The `Authorization` header's value.
    public var header: String { "Basic " + Data("\(user):\(password)".utf8).base64EncodedString() }
}
