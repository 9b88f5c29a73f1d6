/// An API-format ComfyUI graph (`{"id": {"class_type", "inputs"}}`) being edited: find nodes by
/// class, add nodes under fresh ids, and move the links that point at one node output to
/// another. A link is an input whose value is `[node_id, output_index]` (ComfyUI's
/// `execution.py` reads such a two-element list as a link). The LoRA chain and the init-image
/// edits are written with it, so they work on any template that has the nodes they look for.
struct ComfyGraph {
    /// One node output, `[id, index]` in the graph.
    struct Output: Equatable {
        var node: String
        var index: Int

        var json: JSONValue { .array([.string(node), .integer(Int64(index))]) }

        init(_ node: String, _ index: Int) {
            self.node = node
            self.index = index
        }

        init?(_ value: JSONValue) {
            guard case .array(let parts) = value, parts.count == 2, let node = parts[0].string,
                  let index = parts[1].number, index >= 0, index == index.rounded() else { return nil }
            self.init(node, Int(index))
        }
    }

    var nodes: [String: JSONValue]
    /// The template's name, for errors.
    var name: String

    /// Ids of the nodes of `classType`, sorted.
    func ids(of classType: String) -> [String] {
        nodes.filter { $0.value["class_type"]?.string == classType }.keys.sorted()
    }

    /// Ids of the nodes of any of `classTypes`.
    func ids(ofAny classTypes: [String]) -> [String] { classTypes.flatMap(ids(of:)).sorted() }

    func input(_ node: String, _ name: String) -> JSONValue? { nodes[node]?["inputs"]?[name] }

    mutating func setInput(_ node: String, _ name: String, _ value: JSONValue) {
        guard case .object(var object)? = nodes[node], case .object(var inputs)? = object["inputs"] else { return }
        inputs[name] = value
        object["inputs"] = .object(inputs)
        nodes[node] = .object(object)
    }

    /// Adds a node under a new id (one past the largest numeric id, as ComfyUI's UI numbers
    /// them) and returns the id.
    mutating func add(_ classType: String, _ inputs: [String: JSONValue]) -> String {
        let id = String((nodes.keys.compactMap { Int($0) }.max() ?? 0) + 1)
        nodes[id] = .object(["class_type": .string(classType), "inputs": .object(inputs)])
        return id
    }

    mutating func remove(_ node: String) { nodes[node] = nil }

    /// Points every input that links to `old` at `new` instead, except the inputs of the nodes
    /// in `skipping`; returns the ids of the nodes changed.
    @discardableResult
    mutating func relink(_ old: Output, to new: Output, skipping: Set<String> = []) -> [String] {
        var changed: [String] = []
        for id in nodes.keys.sorted() where !skipping.contains(id) {
            guard case .object(let inputs)? = nodes[id]?["inputs"] else { continue }
            for (name, value) in inputs.sorted(by: { $0.key < $1.key }) where Output(value) == old {
                setInput(id, name, new.json)
                if changed.last != id { changed.append(id) }
            }
        }
        return changed
    }

    /// The output linked to `node`'s input `name`, if it is a link.
    func link(_ node: String, _ name: String) -> Output? { input(node, name).flatMap(Output.init) }
}
