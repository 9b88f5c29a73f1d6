import Catalog

/// An adapter network matched against one loaded model: each module with the weight it
/// patches, checked for shape from the headers, and the modules that matched no weight.
public struct ResolvedAdapter: Sendable {
    public let network: AdapterNetwork
    let patches: [(module: AdapterModule, target: AdapterTarget)]
    /// Module names that match no layer of this model (reported, not applied).
    public let unmatchedModules: [String]
    /// The file's keys of formats Easel does not read (reported, not applied).
    public var unreadKeys: [String] { network.unreadKeys }

    /// Matches `network` against `index`. Refused with one line when the file declares
    /// another family than `family`, when no module matches, or when a module's ΔW would not
    /// fit its layer (A1111 fails such a network too; nothing of it is applied).
    public init(_ network: AdapterNetwork, index: AdapterTargetIndex, weights: [AdapterComponent: PatchableWeights],
                family: CheckpointFamily) throws {
        let shown = network.url.lastPathComponent
        if let declared = network.declaredFamily, declared.adapterFamily != family.adapterFamily {
            throw AdapterError.wrongFamily(
                file: shown, reason: "made for \(declared.displayName); the loaded model is \(family.displayName)")
        }
        var patches: [(AdapterModule, AdapterTarget)] = []
        var unmatched: [String] = []
        for module in network.modules {
            guard let target = index.target(forModule: module.name), let entry = weights[target.component]?[target.key] else {
                unmatched.append(module.name)
                continue
            }
            let outputs = target.rows?.count ?? entry.shape[0]
            let count = outputs * entry.shape.dropFirst().reduce(1, *)
            guard let size = module.deltaSize(), size.outputs == outputs, size.count == count else {
                let got = module.deltaSize().map { "\($0.outputs) × \($0.count / max($0.outputs, 1))" } ?? "inconsistent tensors"
                throw AdapterError.badModule(file: shown, module: module.name,
                                             reason: "ΔW \(got) does not fit \(target.key) \(entry.shape)")
            }
            patches.append((module, target))
        }
        guard !patches.isEmpty else {
            throw AdapterError.wrongFamily(file: shown, reason: "none of its \(network.modules.count) modules matches a layer of this \(family.displayName) model")
        }
        self.network = network
        self.patches = patches
        unmatchedModules = unmatched
    }

    /// Weights this network changes in `component`s.
    public var targets: Set<AdapterTarget> { Set(patches.map(\.target)) }
}
