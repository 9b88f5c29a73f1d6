import PromptSyntax
import XCTest

final class ExtraNetworkTagTests: XCTestCase {
    /// A1111's `extra_networks.parse_prompt`: every `<kind:args>` is removed from the text, the
    /// arguments split on `:`. The example from `ExtraNetwork.activate`'s docstring.
    func testA1111DocstringExample() {
        let (text, tags) = ExtraNetworkTag.extract(from: "1girl, <hypernet:agm:1.1> <extrasupernet:master:12:13:14> <hypernet:ray>")
        XCTAssertEqual(text, "1girl,   ")
        XCTAssertEqual(tags, [
            ExtraNetworkTag(kind: "hypernet", arguments: ["agm", "1.1"]),
            ExtraNetworkTag(kind: "extrasupernet", arguments: ["master", "12", "13", "14"]),
            ExtraNetworkTag(kind: "hypernet", arguments: ["ray"]),
        ])
    }

    func testLoraTags() throws {
        let (text, loras) = try LoraTag.extract(from: "a cat <lora:detail:0.8>, <lora:style> <lyco:pixel:0.5:0.25> <hypernet:h:0.3>")
        XCTAssertEqual(text, "a cat ,   ")
        XCTAssertEqual(loras, [
            LoraTag(kind: .lora, name: "detail", weight: 0.8),
            LoraTag(kind: .lora, name: "style", weight: 1.0),
            LoraTag(kind: .lyco, name: "pixel", weight: 0.5, unetWeight: 0.25),
            LoraTag(kind: .hypernet, name: "h", weight: 0.3),
        ])
        XCTAssertEqual(loras[0].unetWeight, 0.8)
    }

    /// `te=` and `unet=` override the positional weights (A1111's `ExtraNetworkLora.activate`).
    func testNamedWeights() throws {
        let tag = try XCTUnwrap(try LoraTag(ExtraNetworkTag(kind: "lora", arguments: ["x", "0.5", "unet=0.7", "te=0.9"])))
        XCTAssertEqual(tag, LoraTag(kind: .lora, name: "x", weight: 0.9, unetWeight: 0.7))
    }

    /// What `<(\w+):([^>]+)>` does and does not match.
    func testTagSyntax() {
        XCTAssertEqual(ExtraNetworkTag.extract(from: "<lora:>").tags, [])
        XCTAssertEqual(ExtraNetworkTag.extract(from: "<:x>").tags, [])
        XCTAssertEqual(ExtraNetworkTag.extract(from: "<lora:x").tags, [])
        XCTAssertEqual(ExtraNetworkTag.extract(from: "<lo ra:x>").tags, [])
        XCTAssertEqual(ExtraNetworkTag.extract(from: "<<lora:a b:1>>").text, "<>")
        XCTAssertEqual(ExtraNetworkTag.extract(from: "<lora:a<b:1>").tags, [ExtraNetworkTag(kind: "lora", arguments: ["a<b", "1"])])
        XCTAssertEqual(ExtraNetworkTag.extract(from: "<lora:name:1:unet=2:a=b=c>").tags[0].positionalArguments, ["name", "1", "a=b=c"])
        XCTAssertEqual(ExtraNetworkTag(kind: "lora", arguments: ["x", "1"]).text, "<lora:x:1>")
    }

    func testUnknownKindsAreIgnoredAndBadWeightsReported() {
        XCTAssertNil(try LoraTag(ExtraNetworkTag(kind: "embedding", arguments: ["x"])))
        XCTAssertThrowsError(try LoraTag.extract(from: "<lora:x:strong>")) { error in
            XCTAssertEqual("\(error)", "<lora:x:strong>: weight 'strong' is not a number")
        }
        XCTAssertThrowsError(try LoraTag.extract(from: "<lora:te=1>")) { error in
            XCTAssertEqual("\(error)", "<lora:te=1>: the network name is missing")
        }
        XCTAssertThrowsError(try LoraTag.extract(from: "<lora:x:nan>"))
    }
}
