/// A failure to turn an image into terminal output, as one line.
public struct TermImageError: Error, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
