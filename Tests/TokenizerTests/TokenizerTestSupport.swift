import Foundation
import TestSupport
import Tokenizer

/// Shared inputs of the tokenizer tests: the fixture vocabulary and the reference cases.
enum TokenizerFixtures {
    struct Case: Decodable {
        let text: String
        let ids: [Int]
    }

    /// `../shared/fixtures/clip-tokenizer/` (vocab.json + merges.txt), loaded once.
    static let tokenizer: CLIPTokenizer = {
        do {
            return try CLIPTokenizer(contentsOf: Fixtures.url("clip-tokenizer"))
        } catch {
            fatalError("cannot load the fixture vocabulary: \(error)")
        }
    }()

    /// `tokenizer-cases.json`: ids from transformers' `CLIPTokenizer(text, add_special_tokens=False)`.
    static func cases() throws -> [Case] {
        try JSONDecoder().decode([Case].self, from: Fixtures.data("tokenizer-cases.json"))
    }
}
