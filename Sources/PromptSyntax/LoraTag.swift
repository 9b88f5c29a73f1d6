/// A `<lora:name:weight>` tag (also `<lyco:…>`, A1111's alias for it, and `<hypernet:…>`),
/// with A1111's defaults: the weight is 1.0 when absent
/// (`extensions-builtin/Lora/extra_networks_lora.py`, `ExtraNetworkLora.activate`).
public struct LoraTag: Equatable, Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case lora, lyco, hypernet
    }

    public var kind: Kind
    public var name: String
    /// The multiplier: the second positional argument or `te=`; 1.0 by default. For LoRA
    /// this is the text-encoder multiplier.
    public var weight: Double
    /// LoRA's UNet multiplier: the third positional argument or `unet=`; the weight by default.
    public var unetWeight: Double

    public init(kind: Kind = .lora, name: String, weight: Double = 1.0, unetWeight: Double? = nil) {
        self.kind = kind
        self.name = name
        self.weight = weight
        self.unetWeight = unetWeight ?? weight
    }

    /// Reads an extra-network tag of a kind Easel knows; nil for other kinds, which A1111
    /// also skips. Throws when the name is missing or a weight is not a finite number.
    public init?(_ tag: ExtraNetworkTag) throws {
        guard let kind = Kind(rawValue: tag.kind) else { return nil }
        let positional = tag.positionalArguments
        let named = tag.namedArguments
        guard let name = positional.first, !name.isEmpty else {
            throw LoraTagError(tag: tag.text, problem: "the network name is missing")
        }
        func number(_ text: String, _ what: String) throws -> Double {
            guard let value = PythonFloat.parse(text), value.isFinite else {
                throw LoraTagError(tag: tag.text, problem: "\(what) '\(text)' is not a number")
            }
            return value
        }
        var weight = positional.count > 1 ? try number(positional[1], "weight") : 1.0
        var unetWeight: Double? = nil
        if kind != .hypernet {
            if let te = named["te"] { weight = try number(te, "te") }
            unetWeight = positional.count > 2 ? try number(positional[2], "unet weight") : nil
            if let unet = named["unet"] { unetWeight = try number(unet, "unet") }
        }
        self.init(kind: kind, name: name, weight: weight, unetWeight: unetWeight)
    }

    /// Strips every extra-network tag from `prompt` and reads the LoRA, LyCORIS and
    /// hypernetwork ones; tags of other kinds are removed and ignored.
    public static func extract(from prompt: String) throws -> (text: String, tags: [LoraTag]) {
        let (text, tags) = ExtraNetworkTag.extract(from: prompt)
        return (text, try tags.compactMap { try LoraTag($0) })
    }
}

public struct LoraTagError: Error, Equatable, CustomStringConvertible {
    public var tag: String
    public var problem: String

    public var description: String { "\(tag): \(problem)" }
}
