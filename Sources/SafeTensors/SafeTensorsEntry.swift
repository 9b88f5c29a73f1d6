/// One tensor as described by the header, already validated: the shape's element count times
/// the dtype's size equals the byte range, and the range lies inside the data section.
public struct SafeTensorsEntry: Equatable, Sendable {
    public let name: String
    public let dtype: SafeTensorsDType
    public let shape: [Int]
    /// Byte range relative to the start of the data section (the byte after the header).
    public let dataRange: Range<Int>

    /// Number of elements (1 for a scalar, whose shape is `[]`).
    public var elementCount: Int { shape.reduce(1, *) }
}
