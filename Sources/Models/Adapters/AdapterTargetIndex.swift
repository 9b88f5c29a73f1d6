import Foundation

/// Adapter module name → the weight it patches, for one loaded model: every spelling of
/// `AdapterNaming` applied to every weight the networks registered as patchable.
public struct AdapterTargetIndex: Sendable {
    private var targets: [String: AdapterTarget] = [:]

    /// `weights` per component (the networks' `patchableWeights`); `unetKeyMap` spells the
    /// diffusers paths of this UNet's layout.
    public init(namings: [AdapterNaming], weights: [AdapterComponent: PatchableWeights], unetKeyMap: ComponentKeyMap) {
        for naming in namings {
            guard let registry = weights[naming.component] else { continue }
            for key in registry.keys where key.hasSuffix(".weight") {
                let module = String(key.dropLast(".weight".count))
                for spelling in naming.spellings {
                    let path: String
                    switch spelling.path {
                    case .canonical: path = module
                    case .diffusersUNet: path = String(unetKeyMap.fileKey(forCanonicalKey: key).dropLast(".weight".count))
                    case let .prefixed(prefix): path = prefix + module
                    }
                    let name = spelling.prefix + (spelling.underscored ? path.replacingOccurrences(of: ".", with: "_") : path)
                    if targets[name] == nil { targets[name] = AdapterTarget(naming.component, key) }
                }
            }
        }
    }

    public func target(forModule name: String) -> AdapterTarget? { targets[name] }

    public var count: Int { targets.count }
}
