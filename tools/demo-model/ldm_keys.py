"""diffusers → LDM (A1111 single-file) key names for SD 1.x, as data tables.

The tables restate the facts of diffusers' `scripts/convert_diffusers_to_original_stable_diffusion.py`
(`unet_conversion_map*`, `vae_conversion_map*`): the same prefixes, written out for the 4-level
SD 1.x layout. `tests.py` checks them against the reference fixture pair
(tiny-sd15-diffusers/ → tiny-sd15.safetensors) and against diffusers' own LDM → diffusers loader.
"""
import torch

UNET_PREFIX = "model.diffusion_model."
VAE_PREFIX = "first_stage_model."
TEXT_PREFIX = "cond_stage_model.transformer."

# (ldm, diffusers) whole-key renames.
UNET_KEYS = [
    ("time_embed.0.weight", "time_embedding.linear_1.weight"),
    ("time_embed.0.bias", "time_embedding.linear_1.bias"),
    ("time_embed.2.weight", "time_embedding.linear_2.weight"),
    ("time_embed.2.bias", "time_embedding.linear_2.bias"),
    ("input_blocks.0.0.weight", "conv_in.weight"),
    ("input_blocks.0.0.bias", "conv_in.bias"),
    ("out.0.weight", "conv_norm_out.weight"),
    ("out.0.bias", "conv_norm_out.bias"),
    ("out.2.weight", "conv_out.weight"),
    ("out.2.bias", "conv_out.bias"),
]

# (ldm, diffusers) renames inside a resnet.
UNET_RESNET_PARTS = [
    ("in_layers.0", "norm1"),
    ("in_layers.2", "conv1"),
    ("out_layers.0", "norm2"),
    ("out_layers.3", "conv2"),
    ("emb_layers.1", "time_emb_proj"),
    ("skip_connection", "conv_shortcut"),
]


def _unet_prefixes():
    """(ldm, diffusers) block prefixes for SD 1.x: 4 levels, 2 resnets down / 3 up, attention in levels 0–2."""
    table = []
    for i in range(4):
        for j in range(2):
            table.append((f"input_blocks.{3 * i + j + 1}.0.", f"down_blocks.{i}.resnets.{j}."))
            if i < 3:
                table.append((f"input_blocks.{3 * i + j + 1}.1.", f"down_blocks.{i}.attentions.{j}."))
        for j in range(3):
            table.append((f"output_blocks.{3 * i + j}.0.", f"up_blocks.{i}.resnets.{j}."))
            if i > 0:
                table.append((f"output_blocks.{3 * i + j}.1.", f"up_blocks.{i}.attentions.{j}."))
        if i < 3:
            table.append((f"input_blocks.{3 * (i + 1)}.0.op.", f"down_blocks.{i}.downsamplers.0.conv."))
            table.append((f"output_blocks.{3 * i + 2}.{1 if i == 0 else 2}.", f"up_blocks.{i}.upsamplers.0."))
    table.append(("middle_block.1.", "mid_block.attentions.0."))
    for j in range(2):
        table.append((f"middle_block.{2 * j}.", f"mid_block.resnets.{j}."))
    return table


UNET_PREFIXES = _unet_prefixes()

# (ldm, diffusers) substring renames in the VAE.
VAE_PARTS = [("nin_shortcut", "conv_shortcut"), ("norm_out", "conv_norm_out"), ("mid.attn_1.", "mid_block.attentions.0.")]


def _vae_prefixes():
    table = []
    for i in range(4):
        for j in range(2):
            table.append((f"encoder.down.{i}.block.{j}.", f"encoder.down_blocks.{i}.resnets.{j}."))
        if i < 3:
            table.append((f"down.{i}.downsample.", f"down_blocks.{i}.downsamplers.0."))
            table.append((f"up.{3 - i}.upsample.", f"up_blocks.{i}.upsamplers.0."))
        for j in range(3):
            table.append((f"decoder.up.{3 - i}.block.{j}.", f"decoder.up_blocks.{i}.resnets.{j}."))
    for i in range(2):
        table.append((f"mid.block_{i + 1}.", f"mid_block.resnets.{i}."))
    return table


VAE_PREFIXES = _vae_prefixes()

# (ldm, diffusers) renames inside the VAE's mid-block attention (diffusers ≥ 0.14 names).
VAE_ATTENTION_PARTS = [("norm.", "group_norm."), ("q.", "to_q."), ("k.", "to_k."), ("v.", "to_v."),
                       ("proj_out.", "to_out.0.")]


def _rename_parts(mapping, table, when=""):
    """Applies (ldm, diffusers) substring renames to every mapped name whose diffusers key contains `when`."""
    for k, v in mapping.items():
        if when in k:
            for sd_part, hf_part in table:
                v = v.replace(hf_part, sd_part)
            mapping[k] = v


def unet_to_ldm(state):
    mapping = {k: k for k in state}
    for sd, hf in UNET_KEYS:
        if hf in mapping:
            mapping[hf] = sd
    _rename_parts(mapping, UNET_RESNET_PARTS, when="resnets")
    _rename_parts(mapping, UNET_PREFIXES)
    return {UNET_PREFIX + v: state[k] for k, v in mapping.items()}


def vae_to_ldm(state):
    mapping = {k: k for k in state}
    _rename_parts(mapping, VAE_PARTS)
    _rename_parts(mapping, VAE_ATTENTION_PARTS, when="attentions")
    _rename_parts(mapping, VAE_PREFIXES)
    out = {}
    for k, v in mapping.items():
        tensor = state[k]
        if any(f"mid.attn_1.{w}.weight" in v for w in ("q", "k", "v", "proj_out")) and tensor.dim() == 2:
            tensor = tensor.reshape(*tensor.shape, 1, 1)   # linear [C, C] → 1×1 conv [C, C, 1, 1]
        out[VAE_PREFIX + v] = tensor
    return out


def text_to_ldm(state):
    """CLIPTextModel keys carry `text_model.`; SD 1.x files prefix them with `cond_stage_model.transformer.`."""
    out = {}
    for k, v in state.items():
        key = k if k.startswith("text_model.") else "text_model." + k
        out[TEXT_PREFIX + key] = v
    out.setdefault(TEXT_PREFIX + "text_model.embeddings.position_ids", torch.arange(77, dtype=torch.int64)[None])
    return out
