/// The weight-difference formats an adapter module can hold, told apart by its tensor names
/// (the suffix after the module name). Sources for the names: A1111
/// `extensions-builtin/Lora/network_lora.py`, `network_hada.py`, `network_lokr.py`,
/// `network_full.py`; ComfyUI `comfy/weight_adapter/lora.py`, `loha.py`, `lokr.py`;
/// PEFT's `lora_A`/`lora_B` as diffusers `save_lora_weights` writes them.
public enum AdapterModuleKind: String, Equatable, Sendable {
    /// kohya `lora_down`/`lora_up` (optionally `lora_mid`, Tucker), PEFT `lora_A`/`lora_B`.
    case lora
    /// LyCORIS LoHa: `hada_w1_a`, `hada_w1_b`, `hada_w2_a`, `hada_w2_b` (optional `hada_t1`/`hada_t2`).
    case loha
    /// LyCORIS LoKr: `lokr_w1` or `lokr_w1_a`+`lokr_w1_b`, `lokr_w2` or `lokr_w2_a`+`lokr_w2_b` (optional `lokr_t2`).
    case lokr
    /// A full difference `diff` (A1111 `network_full.py`, ComfyUI "diff").
    case full

    /// Tensor-name suffixes each kind reads, with the scalar ones every kind may carry.
    static let suffixes: [String: AdapterModuleKind] = [
        "lora_down.weight": .lora, "lora_up.weight": .lora, "lora_mid.weight": .lora,
        "lora_A.weight": .lora, "lora_B.weight": .lora,
        "hada_w1_a": .loha, "hada_w1_b": .loha, "hada_w2_a": .loha, "hada_w2_b": .loha,
        "hada_t1": .loha, "hada_t2": .loha,
        "lokr_w1": .lokr, "lokr_w1_a": .lokr, "lokr_w1_b": .lokr,
        "lokr_w2": .lokr, "lokr_w2_a": .lokr, "lokr_w2_b": .lokr, "lokr_t2": .lokr,
        "diff": .full,
    ]

    /// Scalars: kohya's `alpha`, and an explicit `scale` that takes precedence over it.
    static let scalarSuffixes: Set<String> = ["alpha", "scale"]

    /// Splits `lora_unet_x.lora_down.weight` into (`lora_unet_x`, `lora_down.weight`); nil
    /// for a key with no known suffix.
    static func split(_ key: String) -> (module: String, suffix: String)? {
        for suffix in suffixes.keys.sorted(by: { $0.count > $1.count }) + scalarSuffixes.sorted()
        where key.hasSuffix("." + suffix) {
            return (String(key.dropLast(suffix.count + 1)), suffix)
        }
        return nil
    }
}
