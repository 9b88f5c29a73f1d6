/// The one limit on prompt text, wherever it comes from: a command-line argument, a PNG's
/// parameters, a grid row, a preset, a styles.csv row, a remote engine's reply, a paste in the
/// workbench (issue 17, item 4).
///
/// 32 KiB of UTF-8. A1111 encodes a prompt in 75-token chunks and its practical limit is a few
/// thousand tokens; a token is about four characters of English, so 32 KiB (roughly 8,000
/// tokens, over 100 chunks) is far past any real prompt while keeping tokenizing, parsing and
/// encoding time and memory small.
public enum PromptTextLimit {
    public static let maximumBytes = 32 * 1024

    /// Throws `TextTooLongError` naming `what` when `text` is over the limit.
    public static func check(_ text: String, what: String) throws {
        let bytes = text.utf8.count
        if bytes > maximumBytes { throw TextTooLongError(what: what, bytes: bytes, limit: maximumBytes) }
    }
}

/// Text over `PromptTextLimit`: names the file or field, its size and the limit.
public struct TextTooLongError: Error, CustomStringConvertible, Sendable {
    public let what: String
    public let bytes: Int
    public let limit: Int

    public init(what: String, bytes: Int, limit: Int) {
        self.what = what
        self.bytes = bytes
        self.limit = limit
    }

    public var description: String { "\(what) is \(bytes) bytes, over the \(limit)-byte limit for prompt text" }
}
