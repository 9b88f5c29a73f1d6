import Foundation
import Imaging
import PromptKit
import RenderSettings

/// Saves rendered images as PNG with the A1111 `parameters` text chunk (and Easel's own
/// `easel-grid`: the prompt grid as JSON, so reopening the image restores its rows), named
/// `OUTPUT/YYYY-MM-DD/NNNNN-SEED-first-words-of-prompt.png` (A1111's `[number]-[seed]-[prompt_words]`
/// pattern, in a folder per day). Numbers continue from the largest in the day's folder.
struct ImageSaver {
    let outputFolder: URL

    /// `kind` goes before the prompt's words (`xyz-grid` for a comparison sheet).
    func save(_ image: RGBImage, settings: RenderSettings, grid: PromptGrid? = nil, kind: String? = nil, date: Date = Date()) throws -> URL {
        let dayFormatter = DateFormatter()
        dayFormatter.locale = Locale(identifier: "en_US_POSIX")
        dayFormatter.dateFormat = "yyyy-MM-dd"
        let folder = outputFolder.appendingPathComponent(dayFormatter.string(from: date))
        let number = nextNumber(in: folder)
        let slug = ([kind].compactMap { $0 } + [ImageSaver.slug(settings.prompt)]).filter { !$0.isEmpty }.joined(separator: "-")
        let name = String(format: "%05d-%llu", number, settings.seed) + (slug.isEmpty ? "" : "-" + slug) + ".png"
        let url = folder.appendingPathComponent(name)
        var text = [(key: "parameters", value: Infotext.format(settings.asRendered))]
        if let json = try grid?.jsonText() { text.append((key: ImageParameters.gridKey, value: json)) }
        try PNGFile.write(image, text: text, to: url, folder: .createIfMissing)   // Easel's outputs folder
        return url
    }

    /// One more than the largest leading number of the PNG files in `folder`.
    func nextNumber(in folder: URL) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let numbers = names.compactMap { name -> Int? in
            guard name.hasSuffix(".png") else { return nil }
            return Int(name.prefix { $0.isNumber })
        }
        return (numbers.max() ?? -1) + 1
    }

    /// The prompt's first words, lower-case ASCII letters and digits joined by "-", at most 48
    /// characters; attention syntax, weights, punctuation, `<lora:…>` tags and the quality tags
    /// dialects add (`qualityWords`: every SD 1.5 name began "best-quality") are dropped.
    static func slug(_ prompt: String) -> String {
        var words: [String] = []
        var length = 0
        let text = prompt.lowercased().replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        for raw in text.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_")) }) {
            let word = String(raw)
            if word.allSatisfy(\.isNumber) || qualityWords.contains(word) || word.hasPrefix("score_") { continue }
            if length + word.count + 1 > 48 { break }
            words.append(word)
            length += word.count + 1
        }
        return words.joined(separator: "-")
    }

    /// Words of quality tags ("(best quality:1.4)", "masterpiece, best quality, 8k,
    /// ultra-detailed", Pony's score tags) that say nothing about the picture.
    static let qualityWords: Set<String> = ["best", "quality", "masterpiece", "8k", "4k", "ultra", "detailed",
                                            "highres", "absurdres", "high", "worst", "low"]
}
