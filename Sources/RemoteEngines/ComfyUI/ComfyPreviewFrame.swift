import Foundation
import Imaging

/// A binary `/ws` frame holding a live preview. Layout (ComfyUI `server.py`, `send_image`,
/// `send_image_with_metadata`; `protocol.py`, `BinaryEventTypes`): a 4-byte big-endian event
/// type, then
/// - event 1 (`PREVIEW_IMAGE`, the old frames): a 4-byte big-endian image type, 1 = JPEG,
///   2 = PNG, then the image;
/// - event 4 (`PREVIEW_IMAGE_WITH_METADATA`, sent once the client has announced
///   `supports_preview_metadata`): a 4-byte big-endian length, that many bytes of JSON
///   (`{node_id, prompt_id, display_node_id, parent_node_id, real_node_id, image_type}`), then
///   the image, whose format `image_type` names (`image/jpeg`, `image/png`).
/// Other events (3, progress text) are not previews.
struct ComfyPreviewFrame {
    enum Format { case jpeg, png }
    var format: Format
    var image: [UInt8]
    /// The prompt it belongs to (event 4 only).
    var promptID: String?

    init?(_ bytes: [UInt8]) {
        guard bytes.count > 8 else { return nil }
        let event = Self.bigEndian(bytes, 0), word = Self.bigEndian(bytes, 4)
        switch event {
        case 1:
            guard word == 1 || word == 2 else { return nil }
            format = word == 1 ? .jpeg : .png
            image = Array(bytes[8...])
        case 4:
            let length = Int(word)
            guard bytes.count >= 8 + length else { return nil }
            let metadata = (try? JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + length)]))) as? [String: Any]
            format = (metadata?["image_type"] as? String) == "image/png" ? .png : .jpeg
            promptID = metadata?["prompt_id"] as? String
            image = Array(bytes[(8 + length)...])
        default:
            return nil
        }
    }

    func decoded() throws -> RGBImage {
        switch format {
        case .jpeg: return try JPEGDecoder.decode(image, path: "ComfyUI preview")
        case .png: return try PNGDecoder.decode(image, path: "ComfyUI preview").image
        }
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }
}
