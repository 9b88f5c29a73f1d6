import UntrustedText

/// Everything that can go wrong while opening or reading a `.safetensors` file. The
/// description is one line naming the file and, where there is one, the tensor.
public struct SafeTensorsError: Error, Equatable, CustomStringConvertible, Sendable {
    public enum Reason: Equatable, Sendable {
        /// The file could not be opened, measured or mapped (the system's message).
        case cannotOpen(String)
        /// The file is shorter than the 8-byte header length.
        case truncated(fileSize: Int)
        /// The header length points past the end of the file.
        case headerPastEnd(headerLength: UInt64, fileSize: Int)
        /// The header length is larger than any real header (`SafeTensorsHeader.maxLength`).
        case headerTooLarge(headerLength: UInt64, limit: Int)
        /// The header is not a JSON object of the expected form.
        case invalidJSON(String)
        /// A tensor entry lacks a field or has one of the wrong type or range.
        case invalidEntry(String)
        /// The shape times the element size does not equal the byte range.
        case sizeMismatch(shape: [Int], dtype: String, expectedBytes: Int, actualBytes: Int)
        /// The byte range does not lie inside the data section.
        case offsetsOutOfRange(begin: Int, end: Int, dataSize: Int)
        /// The byte range overlaps another tensor's.
        case overlaps(other: String)
        /// The tensor exists but its dtype cannot be read by the requested accessor.
        case unsupportedDType(String)
        /// No tensor of that name is in the file.
        case missingTensor
        /// A top-level key appears twice in the header's JSON.
        case duplicateKey(String)
    }

    /// The file's display name (usually its last path component).
    public let file: String
    /// The tensor concerned, when the problem belongs to one.
    public let tensor: String?
    public let reason: Reason

    public init(file: String, tensor: String? = nil, reason: Reason) {
        self.file = file
        self.tensor = tensor
        self.reason = reason
    }

    public var description: String {
        if reason == .missingTensor, let tensor {
            return "\(file): missing tensor '\(QuotedInput.shortened(tensor))'"
        }
        // Names come from the file: quoted short (a 1 MB key must not make a 1 MB line).
        let subject = tensor.map { "\(file): tensor '\(QuotedInput.shortened($0))'" } ?? file
        return "\(subject): \(reasonText)"
    }

    private var reasonText: String {
        switch reason {
        case .cannotOpen(let message):
            return "cannot open: \(message)"
        case .truncated(let size):
            return "truncated: the file is \(size) bytes, too short for the 8-byte header length"
        case .headerPastEnd(let length, let size):
            return "header length \(length) runs past the end of the \(size)-byte file (truncated or not a safetensors file)"
        case .headerTooLarge(let length, let limit):
            return "header length \(length) exceeds the \(limit)-byte limit (corrupt or not a safetensors file)"
        case .invalidJSON(let message):
            return "invalid JSON header: \(QuotedInput.shortened(message, limit: 200))"
        case .invalidEntry(let message):
            return "invalid entry: \(QuotedInput.shortened(message, limit: 200))"
        case .duplicateKey(let key):
            return "the header names '\(QuotedInput.shortened(key))' twice"
        case .sizeMismatch(let shape, let dtype, let expected, let actual):
            return "shape \(shape) of \(dtype) needs \(expected) bytes but data_offsets span \(actual)"
        case .offsetsOutOfRange(let begin, let end, let dataSize):
            return "data_offsets [\(begin), \(end)] lie outside the \(dataSize)-byte data section"
        case .overlaps(let other):
            return "data_offsets overlap tensor '\(QuotedInput.shortened(other))'"
        case .unsupportedDType(let message):
            return "unsupported dtype \(message)"
        case .missingTensor:
            return "missing tensor"
        }
    }
}
