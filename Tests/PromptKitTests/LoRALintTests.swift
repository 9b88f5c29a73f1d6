import PromptKit
import XCTest

/// The lint's `lora` rule: a `<lora:NAME…>` tag naming no LoRA in the library is a warning
/// (the engine renders without it, A1111 `extra_networks_lora.py`); without a list of known
/// names the rule is off.
final class LoRALintTests: XCTestCase {
    func testUnknownNamesWarnOnceAndKnownOnesDoNot() {
        let linter = PromptLinter(knownLoRAs: ["tinylora-ldm", "tiny_detail_v1"])
        let input = LintInput(prompt: "a cat <lora:tinylora-ldm:0.8> <lora:tiny_detail_v1:1> <lora:missing:0.5> <lora:missing:1>",
                              negative: "<lora:other:1>", family: .sd15)
        XCTAssertEqual(linter.lint(input).filter { $0.rule == .lora }.map(\.description), [
            "lora: lora 'missing' is not in the LoRA folders; it renders without it",
            "lora: lora 'other' is not in the LoRA folders; it renders without it",
        ])
        XCTAssertEqual(PromptLinter().lint(input).filter { $0.rule == .lora }, [])
    }
}
