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
    /// under transformers 5 drops that level). SDXL adds `lora_te1_`/`lora_te2_` and
    /// `text_encoder_2.` tables here; its bigG encoder's fused `in_proj` takes q/k/v as row
    /// slices (`AdapterTarget.rows`) of one weight.
    public static let sd1: [AdapterNaming] = [
        AdapterNaming(.unet, [
            Spelling("lora_unet_", .canonical, underscored: true),
            Spelling("lora_unet_", .diffusersUNet, underscored: true),
            Spelling("unet.", .diffusersUNet, underscored: false),
        ]),
        AdapterNaming(.textEncoder(0), [
            Spelling("lora_te_", .prefixed("text_model."), underscored: true),
            Spelling("text_encoder.", .prefixed("text_model."), underscored: false),
            Spelling("text_encoder.", .canonical, underscored: false),
        ]),
    ]
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
