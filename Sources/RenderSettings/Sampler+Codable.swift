/// Settings files store the canonical id and accept any name `SamplerCatalog.lookup(_:)` does,
/// except an A1111 combined name such as `DPM++ 2M Karras` (it also names a schedule).
extension Sampler: Codable {
    public init(from decoder: Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        let found = try SamplerCatalog.lookup(name)
        guard found.schedule == nil else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "sampler '\(name)' also names a schedule; give the sampler and the schedule separately"))
        }
        self = found.sampler
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
