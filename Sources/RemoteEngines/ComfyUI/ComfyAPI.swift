import Foundation

/// ComfyUI's HTTP API, the fields Easel sends and reads, named as the server names them.
///
/// Reference: Comfy-Org/ComfyUI `server.py` (routes `/prompt`, `/history/{prompt_id}`,
/// `/view`, `/interrupt`, `/queue`, `/object_info/{node_class}`, `/ws`), `execution.py`
/// (`validate_prompt`: the `error` and `node_errors` of a refused graph) and
/// `script_examples/websockets_api_example.py`. Unknown fields are ignored when decoding.
enum ComfyAPI {
    /// `POST /prompt`.
    struct PromptRequest: Encodable {
        var prompt: [String: JSONValue]
        var client_id: String
    }

    /// 200 answer to `/prompt`.
    struct PromptResponse: Decodable {
        var prompt_id: String
        var number: Int?
    }

    /// 400 answer to `/prompt`: `{"error": {type, message, details}, "node_errors": {id: …}}`.
    struct PromptError: Decodable {
        struct Detail: Decodable {
            var type: String?
            var message: String?
            var details: String?
        }
        struct NodeError: Decodable {
            var errors: [Detail]
            var class_type: String?
        }
        var error: Detail?
        var node_errors: [String: NodeError]?

        /// One line: the message, then each failing node's class and first reason.
        var summary: String {
            var parts: [String] = []
            if let message = error?.message { parts.append(message.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters.subtracting(["'", ")"])))) }
            for (id, node) in (node_errors ?? [:]).sorted(by: { $0.key < $1.key }) {
                let reason = node.errors.first.map { [$0.message, $0.details].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ") } ?? ""
                parts.append("node \(id) \(node.class_type ?? "?"): \(reason)")
            }
            return parts.joined(separator: "; ")
        }
    }

    /// `GET /history/{prompt_id}` → `{prompt_id: HistoryItem}`.
    struct HistoryItem: Decodable {
        struct Output: Decodable {
            var images: [ImageRef]?
        }
        struct Status: Decodable {
            var status_str: String?
            var completed: Bool?
        }
        var outputs: [String: Output]
        var status: Status?
    }

    /// An image `/view` serves: `?filename=&subfolder=&type=`.
    struct ImageRef: Decodable {
        var filename: String
        var subfolder: String
        var type: String
    }

    /// One `/ws` text message: `{"type", "data"}`.
    struct Message: Decodable {
        var type: String
        var data: JSONValue?
    }
}
