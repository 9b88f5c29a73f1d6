import Foundation

/// `<lora:NAME:WEIGHT…>` tags as grid text: found, re-weighted and removed by name, for the
/// LoRA browser and the weight keys. A tag is A1111's extra-network syntax
/// (`extra_networks.py` `re_extra_net`: `<kind:arg:arg…>`); the first number after the name
/// is the text-encoder multiplier and, without a second one, the UNet's too
/// (`extra_networks_lora.py` `activate`), so re-weighting it changes both unless the tag gives
/// the UNet its own.
public enum LoraTagText {
    static let kinds = ["lora", "lyco"]

    /// The parts of `tag` when it is a whole `<lora:…>`/`<lyco:…>` tag: kind, name, the rest.
    static func parts(_ tag: String) -> [Substring]? {
        let text = tag.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("<"), text.hasSuffix(">") else { return nil }
        let parts = text.dropFirst().dropLast().split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 2, kinds.contains(String(parts[0])), !parts[1].isEmpty,
              !parts.contains(where: { $0.contains("<") || $0.contains(">") }) else { return nil }
        return parts
    }

    /// The tag's name, if it is a LoRA tag.
    public static func name(of tag: String) -> String? { parts(tag).map { String($0[1]) } }

    /// The tag's (text-encoder) weight: the first positional number or `te=`; 1 when absent.
    public static func weight(of tag: String) -> Double? {
        guard let parts = parts(tag) else { return nil }
        for part in parts.dropFirst(2) {
            if part.hasPrefix("te=") { return Double(part.dropFirst(3)) }
            if !part.contains("=") { return Double(part) }
        }
        return 1
    }

    /// `tag` with its (text-encoder) weight set to `weight`, written as A1111 numbers are shown.
    public static func setting(_ weight: Double, in tag: String) -> String {
        guard var parts = parts(tag)?.map(String.init) else { return tag }
        let number = ParameterFormat.number(weight)
        if let index = parts.indices.dropFirst(2).first(where: { parts[$0].hasPrefix("te=") || !parts[$0].contains("=") }) {
            parts[index] = parts[index].hasPrefix("te=") ? "te=" + number : number
        } else {
            parts.insert(number, at: 2)
        }
        return "<" + parts.joined(separator: ":") + ">"
    }

    /// The index of the first tag in `tags` naming `name` (its base name or alias).
    public static func index(of names: Set<String>, in tags: [String]) -> Int? {
        tags.firstIndex { tag in name(of: tag).map(names.contains) ?? false }
    }

    /// The `<…>` tag the cursor (a character offset of `text`) is on or just after, as a range of
    /// offsets; nil when it is on none.
    public static func tagRange(at cursor: Int, in text: [Character]) -> Range<Int>? {
        guard !text.isEmpty else { return nil }
        var i = min(max(0, cursor), text.count - 1)
        if cursor > 0, cursor == text.count || text[cursor] != "<", text[cursor - 1] == ">" { i = cursor - 1 }
        var j = i
        while j >= 0, text[j] != "<" {
            if text[j] == ">" && j != i { return nil }   // the end of an earlier tag
            j -= 1
        }
        guard j >= 0, let end = text[j...].firstIndex(of: ">"), end >= i else { return nil }
        return j..<(end + 1)
    }

    /// A weight one step up or down, within A1111's slider range for extra networks (-2…2 here),
    /// rounded to the step so repeated steps do not drift.
    public static func stepped(_ weight: Double, up: Bool, step: Double = 0.1) -> Double {
        min(2, max(-2, ((weight + (up ? step : -step)) / step).rounded() * step))
    }

    /// Every LoRA tag in `text`, in order.
    public static func tags(in text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let candidate = String(rest[open...close])
            if name(of: candidate) != nil {
                found.append(candidate)
                rest = rest[rest.index(after: close)...]
            } else {
                rest = rest[rest.index(after: open)...]
            }
        }
        return found
    }

    /// `text` without the first `part`, and without the ", " that joined it to its neighbours.
    public static func removing(_ part: String, from text: String) -> String {
        guard let range = text.range(of: part) else { return text }
        var head = String(text[..<range.lowerBound]), tail = String(text[range.upperBound...])
        head = String(head.reversed().drop { $0 == " " }.reversed())
        tail = String(tail.drop { $0 == " " })
        if head.hasSuffix(",") { head.removeLast() } else if tail.hasPrefix(",") { tail.removeFirst() }
        tail = String(tail.drop { $0 == " " })
        let joiner = head.isEmpty || tail.isEmpty ? "" : (tail.hasPrefix(",") ? "" : ", ")
        return (head + joiner + tail).trimmingCharacters(in: .whitespaces)
    }
}
