import Catalog

/// A network of the loaded model that adapters patch.
public enum AdapterComponent: Hashable, Sendable, CustomStringConvertible {
    case unet
    /// Text encoder `index` in context order (SD 1.x has only 0; SDXL's te1 is 0, te2 is 1).
    case textEncoder(Int)

    public var isTextEncoder: Bool { if case .textEncoder = self { return true } else { return false } }

    public var description: String {
        switch self {
        case .unet: return "UNet"
        case let .textEncoder(i): return "text encoder \(i + 1)"
        }
    }
}

/// How adapter files name one component's modules, as data: the module name of a weight is
/// a prefix plus the weight's path in some naming scheme, with `.` turned into `_` for
/// kohya names. Every published spelling of every patchable weight is generated from the
/// model's own canonical keys, so a name that matches nothing is reported, never guessed.
///
/// Source: ComfyUI `comfy/lora.py`, `model_lora_keys_unet` (kohya `lora_unet_` + the
/// diffusers path, and the LDM path) and `model_lora_keys_clip` (`lora_te_`/`lora_te1_`/
/// `lora_te2_` + `text_model_encoder_layers_…`, PEFT `text_encoder.` / `text_encoder_2.`);
/// A1111 `extensions-builtin/Lora/networks.py` `convert_diffusers_name_to_compvis`.
public struct AdapterNaming: Sendable {
    /// Which path of a canonical key a name uses.
    public enum Path: Sendable {
        /// The canonical (LDM single-file) path: `input_blocks.1.1.proj_in`.
        case canonical
        /// The diffusers path from the UNet key map: `down_blocks.0.attentions.0.proj_in`.
        case diffusersUNet
        /// The canonical path under a prefix: `text_model.` + `encoder.layers.0.mlp.fc1`.
        case prefixed(String)
    }

    /// One spelling: `prefix` + the path, underscored (kohya) or dotted (PEFT).
    public struct Spelling: Sendable {
        public var prefix: String
        public var path: Path
        public var underscored: Bool

        public init(_ prefix: String, _ path: Path, underscored: Bool) {
            self.prefix = prefix
            self.path = path
            self.underscored = underscored
        }
    }

    public var component: AdapterComponent
    public var spellings: [Spelling]

    public init(_ component: AdapterComponent, _ spellings: [Spelling]) {
        self.component = component
        self.spellings = spellings
    }

    /// SD 1.x: kohya `lora_unet_` in LDM and diffusers paths, `lora_te_` + `text_model_…`;
    /// PEFT `unet.` + diffusers path, `text_encoder.` with or without `text_model.` (diffusers
    /// under transformers 5 drops that level).
    public static let sd1: [AdapterNaming] = [
        unet,
        AdapterNaming(.textEncoder(0), textEncoder(kohya: "lora_te_", peft: "text_encoder.")),
    ]

    /// SDXL: the UNet as SD 1.x spells it (sgm module paths are the LDM ones: kohya's SDXL
    /// trainer writes `lora_unet_input_blocks_4_1_…`, diffusers-trained files
    /// `lora_unet_down_blocks_1_attentions_0_…`); CLIP-L as `lora_te1_` / `text_encoder.`,
    /// bigG as `lora_te2_` / `text_encoder_2.`, both in transformers' CLIP names. bigG's
    /// `q_proj`/`k_proj`/`v_proj` are the row thirds of the single file's fused
    /// `attn.in_proj_weight`, which the loader splits into three layers (`OpenCLIPTextWeights`,
    /// re-read from the fused tensor when a layer is restored), so each name patches its own
    /// layer: the same W′ as A1111's `torch.vstack` of the three ΔW onto `in_proj_weight`
    /// (`extensions-builtin/Lora/networks.py`, `network_apply_weights`, the
    /// `MultiheadAttention` branch). Source for the prefixes: ComfyUI `comfy/lora.py`
    /// `model_lora_keys_clip` (`lora_te1_`/`lora_te2_`, `text_encoder.`/`text_encoder_2.`).
    public static let sdxl: [AdapterNaming] = [
        unet,
        AdapterNaming(.textEncoder(0), textEncoder(kohya: "lora_te1_", peft: "text_encoder.")),
        AdapterNaming(.textEncoder(1), textEncoder(kohya: "lora_te2_", peft: "text_encoder_2.")),
    ]

    /// The naming tables of each family whose LoRAs Easel applies (keyed by the family's
    /// `adapterFamily`); a family without an entry takes no adapters.
    public static let byFamily: [CheckpointFamily: [AdapterNaming]] = [.sd1: sd1, .sdxl: sdxl]

    static let unet = AdapterNaming(.unet, [
        Spelling("lora_unet_", .canonical, underscored: true),
        Spelling("lora_unet_", .diffusersUNet, underscored: true),
        Spelling("unet.", .diffusersUNet, underscored: false),
    ])

    /// kohya `PREFIX` + `text_model_…` underscored; PEFT `PREFIX` with and without `text_model.`.
    static func textEncoder(kohya: String, peft: String) -> [Spelling] {
        [Spelling(kohya, .prefixed("text_model."), underscored: true),
         Spelling(peft, .prefixed("text_model."), underscored: false),
         Spelling(peft, .canonical, underscored: false)]
    }
}

/// The weight one adapter module changes: a component's canonical key, and for a fused
/// weight (bigG's `in_proj_weight`, q/k/v stacked) the rows it covers.
public struct AdapterTarget: Hashable, Sendable {
    public var component: AdapterComponent
    public var key: String
    public var rows: Range<Int>?

    public init(_ component: AdapterComponent, _ key: String, rows: Range<Int>? = nil) {
        self.component = component
        self.key = key
        self.rows = rows
    }
}
