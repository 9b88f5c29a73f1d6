/// Settings files store the canonical id and accept any schedule name; "Automatic" is refused
/// here because it depends on the sampler (see `SamplerCatalog.schedule(named:for:)`).
extension Schedule: Codable {
    public init(from decoder: Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let schedule = try SamplerCatalog.schedule(named: name) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "schedule 'Automatic' depends on the sampler; name the schedule"))
        }
        self = schedule
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
