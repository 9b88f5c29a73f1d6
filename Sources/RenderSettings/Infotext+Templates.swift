import Foundation

/// Dynamic Prompts' template lines: sd-dynamic-prompts `ui/pnginfo_saver.py`
/// `PngInfoSaver.update_pnginfo` appends `"\nTemplate: " + prompt` and
/// `"\nNegative Template: " + negative` (each only when not empty) after A1111's parameter
/// line, so they are the text's last lines, template text as written (several lines if the
/// template had them).
extension Infotext {
    static func templateLines(_ settings: RenderSettings) -> String {
        var text = ""
        if let template = settings.promptTemplate, !template.isEmpty { text += "\nTemplate: " + template }
        if let negative = settings.negativeTemplate, !negative.isEmpty { text += "\nNegative Template: " + negative }
        return text
    }

    /// Removes the template lines from `lines` and returns them: the first line starting with
    /// "Template: " or "Negative Template: " that follows a parameter line (three or more
    /// `Key: value` pairs, as `parse` requires) begins them.
    static func splitTemplateLines(_ lines: inout [String]) throws -> (prompt: String?, negative: String?) {
        let starts = ["Template: ", "Negative Template: "]
        for index in lines.indices.dropFirst() where starts.contains(where: { lines[index].hasPrefix($0) }) {
            guard try fields(inParameterLine: lines[index - 1]).count >= 3 else { continue }
            var prompt: [String]?
            var negative: [String]?
            for line in lines[index...] {
                if line.hasPrefix("Negative Template: ") {
                    negative = [String(line.dropFirst("Negative Template: ".count))]
                } else if negative == nil, prompt == nil, line.hasPrefix("Template: ") {
                    prompt = [String(line.dropFirst("Template: ".count))]
                } else if negative != nil {
                    negative?.append(line)
                } else {
                    prompt?.append(line)
                }
            }
            lines.removeSubrange(index...)
            return (prompt?.joined(separator: "\n"), negative?.joined(separator: "\n"))
        }
        return (nil, nil)
    }
}
