"""The SDXL base architecture for the side-by-side benchmark: the published shapes, an A1111/sgm
single-file writer for random fp16 weights, and loading one network back through diffusers'
own single-file converters.

Shapes: `stabilityai/stable-diffusion-xl-base-1.0` `unet/config.json` (widths 320/640/1280,
`transformer_layers_per_block` [1, 2, 10], `attention_head_dim` [5, 10, 20] — heads, 64 wide —,
context 2048, `addition_embed_type: text_time`, `projection_class_embeddings_input_dim` 2816),
`vae/config.json` (SD's VAE, scaling 0.13025), `text_encoder/config.json` (CLIP ViT-L/14) and
`text_encoder_2/config.json` (OpenCLIP ViT-bigG/14: 1280 wide, 32 layers, 20 heads, gelu,
projection 1280).

The single file is written tensor by tensor (a streaming safetensors writer), so making the
6.9 GB file holds one tensor in memory at a time. sgm names, restated from diffusers
`scripts/convert_diffusers_to_original_sdxl.py` (`unet_conversion_map*`, 3 levels, attention
in levels 1 and 2) and `loaders/single_file_utils.py` `convert_open_clip_checkpoint` (bigG's
fused `attn.in_proj_*` = rows q, k, v; `text_projection` [W, P] = the transpose of
transformers' `text_projection.weight`).
"""
import json
import os
import sys
import zlib

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "demo-model"))
from ldm_keys import UNET_RESNET_PARTS, vae_to_ldm  # noqa: E402

UNET_CONFIG = dict(
    sample_size=128, in_channels=4, out_channels=4,
    block_out_channels=(320, 640, 1280),
    down_block_types=("DownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D"),
    up_block_types=("CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "UpBlock2D"),
    layers_per_block=2, transformer_layers_per_block=(1, 2, 10), attention_head_dim=(5, 10, 20),
    cross_attention_dim=2048, norm_num_groups=32, flip_sin_to_cos=True, freq_shift=0,
    use_linear_projection=True, addition_embed_type="text_time", addition_time_embed_dim=256,
    projection_class_embeddings_input_dim=2816,
)
VAE_CONFIG = dict(
    sample_size=1024, in_channels=3, out_channels=3, latent_channels=4,
    block_out_channels=(128, 256, 512, 512),
    down_block_types=("DownEncoderBlock2D",) * 4, up_block_types=("UpDecoderBlock2D",) * 4,
    layers_per_block=2, norm_num_groups=32, scaling_factor=0.13025, force_upcast=True,
)
CLIP_L_CONFIG = dict(
    vocab_size=49408, hidden_size=768, intermediate_size=3072, num_hidden_layers=12,
    num_attention_heads=12, max_position_embeddings=77, hidden_act="quick_gelu", layer_norm_eps=1e-5,
    bos_token_id=49406, eos_token_id=49407, pad_token_id=49407, projection_dim=768,
)
BIG_G_CONFIG = dict(
    vocab_size=49408, hidden_size=1280, intermediate_size=5120, num_hidden_layers=32,
    num_attention_heads=20, max_position_embeddings=77, hidden_act="gelu", layer_norm_eps=1e-5,
    bos_token_id=49406, eos_token_id=49407, pad_token_id=1, projection_dim=1280,
)

UNET_PREFIX = "model.diffusion_model."
VAE_PREFIX = "first_stage_model."
CLIP_L_PREFIX = "conditioner.embedders.0.transformer.text_model."
BIG_G_PREFIX = "conditioner.embedders.1.model."


def make_unet():
    from diffusers import UNet2DConditionModel
    return UNet2DConditionModel(**UNET_CONFIG).eval()


def make_vae():
    from diffusers import AutoencoderKL
    return AutoencoderKL(**VAE_CONFIG).eval()


def make_clip_l():
    from transformers import CLIPTextConfig, CLIPTextModel
    return CLIPTextModel(CLIPTextConfig(**CLIP_L_CONFIG)).eval()


def make_big_g():
    from transformers import CLIPTextConfig, CLIPTextModelWithProjection
    return CLIPTextModelWithProjection(CLIPTextConfig(**BIG_G_CONFIG)).eval()


def _unet_prefixes():
    """(sgm, diffusers) block prefixes for SDXL: 3 levels, 2 resnets down / 3 up, attention in
    down levels 1–2 and up levels 0–1, upsamplers after the attention (`.2`)."""
    table = [("time_embed.0.", "time_embedding.linear_1."), ("time_embed.2.", "time_embedding.linear_2."),
             ("label_emb.0.0.", "add_embedding.linear_1."), ("label_emb.0.2.", "add_embedding.linear_2."),
             ("input_blocks.0.0.", "conv_in."), ("out.0.", "conv_norm_out."), ("out.2.", "conv_out."),
             ("middle_block.0.", "mid_block.resnets.0."), ("middle_block.1.", "mid_block.attentions.0."),
             ("middle_block.2.", "mid_block.resnets.1.")]
    for i in range(3):
        for j in range(2):
            table.append((f"input_blocks.{3 * i + j + 1}.0.", f"down_blocks.{i}.resnets.{j}."))
            if i > 0:
                table.append((f"input_blocks.{3 * i + j + 1}.1.", f"down_blocks.{i}.attentions.{j}."))
        for j in range(3):
            table.append((f"output_blocks.{3 * i + j}.0.", f"up_blocks.{i}.resnets.{j}."))
            if i < 2:
                table.append((f"output_blocks.{3 * i + j}.1.", f"up_blocks.{i}.attentions.{j}."))
        if i < 2:
            table.append((f"input_blocks.{3 * (i + 1)}.0.op.", f"down_blocks.{i}.downsamplers.0.conv."))
            table.append((f"output_blocks.{3 * i + 2}.2.", f"up_blocks.{i}.upsamplers.0."))
    return table


UNET_PREFIXES = _unet_prefixes()


def unet_key(name):
    """A diffusers UNet key's sgm name (without `model.diffusion_model.`)."""
    for sgm, hf in UNET_PREFIXES:
        if name.startswith(hf):
            rest = name[len(hf):]
            if "resnets" in hf:
                for sd_part, hf_part in UNET_RESNET_PARTS:
                    if rest.startswith(hf_part + "."):
                        rest = sd_part + rest[len(hf_part):]
            return sgm + rest
    raise KeyError(f"no sgm name for UNet key {name}")


BIG_G_LAYER_PARTS = [("layer_norm1.", "ln_1."), ("layer_norm2.", "ln_2."), ("self_attn.out_proj.", "attn.out_proj."),
                     ("mlp.fc1.", "mlp.c_fc."), ("mlp.fc2.", "mlp.c_proj.")]


def big_g_entries(shapes):
    """(open_clip name, shape, parts) for bigG from transformers' names and shapes; `parts` are the
    transformers keys a tensor is made of (q, k, v stacked by rows for `in_proj`), and a
    transposed `text_projection`."""
    out = []
    fixed = {"text_model.embeddings.token_embedding.weight": "token_embedding.weight",
             "text_model.embeddings.position_embedding.weight": "positional_embedding",
             "text_model.final_layer_norm.weight": "ln_final.weight",
             "text_model.final_layer_norm.bias": "ln_final.bias"}
    for hf, oc in fixed.items():
        out.append((oc, shapes[hf], [hf], False))
    p = shapes["text_projection.weight"]
    out.append(("text_projection", [p[1], p[0]], ["text_projection.weight"], True))
    for n in range(BIG_G_CONFIG["num_hidden_layers"]):
        hf_layer, oc_layer = f"text_model.encoder.layers.{n}.", f"transformer.resblocks.{n}."
        for kind in ("weight", "bias"):
            parts = [f"{hf_layer}self_attn.{x}_proj.{kind}" for x in "qkv"]
            shape = list(shapes[parts[0]])
            out.append((f"{oc_layer}attn.in_proj_{kind}", [3 * shape[0]] + shape[1:], parts, False))
        for hf_part, oc_part in BIG_G_LAYER_PARTS:
            for kind in ("weight", "bias"):
                hf = f"{hf_layer}{hf_part}{kind}"
                out.append((f"{oc_layer}{oc_part}{kind}", shapes[hf], [hf], False))
    return out


def _shapes(module):
    return {k: list(v.shape) for k, v in module.state_dict().items()}


def plan():
    """Every tensor of the single file: (sgm key, shape, diffusers/transformers source name), from
    the modules built on the meta device."""
    with torch.device("meta"):
        unet, vae, clip_l, big_g = make_unet(), make_vae(), make_clip_l(), make_big_g()
    entries = []
    for k, s in _shapes(unet).items():
        entries.append((UNET_PREFIX + unet_key(k), s, k))
    for k, v in vae_to_ldm({k: torch.empty(s, device="meta") for k, s in _shapes(vae).items()}).items():
        entries.append((k, list(v.shape), k))
    for k, s in _shapes(clip_l).items():
        if "position_ids" in k:
            continue
        key = k if k.startswith("text_model.") else "text_model." + k
        entries.append((CLIP_L_PREFIX + key.removeprefix("text_model."), s, key))
    g_shapes = {(k if k.startswith(("text_model.", "text_projection")) else "text_model." + k): s
                for k, s in _shapes(big_g).items() if "position_ids" not in k}
    for oc, s, parts, _ in big_g_entries(g_shapes):
        entries.append((BIG_G_PREFIX + oc, s, parts[0]))
    return entries


def random_tensor(key, shape, source):
    """Random fp16 values for one tensor, from a seed derived from its name (so the file is the
    same on every run). The kind of tensor is read from `source`, its diffusers/transformers name
    (sgm calls some norms `in_layers.0`): norm scales 1 ± 0.1 and shifts ± 0.05; embeddings N(0, 0.02); other
    weights uniform ±1/√fan_in (torch's default `Linear`/`Conv2d` bound),
    biases uniform ±0.02."""
    g = torch.Generator().manual_seed(zlib.crc32(key.encode()))
    is_norm = "norm" in source and len(shape) == 1
    if is_norm:
        noise = torch.rand(shape, generator=g) * 2 - 1
        t = 1 + 0.1 * noise if key.endswith("weight") else 0.05 * noise
    elif "embeddings." in source:
        t = torch.randn(shape, generator=g) * (0.01 if "position_embedding" in source else 0.02)
    elif len(shape) == 1:
        t = (torch.rand(shape, generator=g) * 2 - 1) * 0.02
    else:
        fan_in = shape[1] * (shape[2] * shape[3] if len(shape) == 4 else 1)
        t = (torch.rand(shape, generator=g) * 2 - 1) * fan_in ** -0.5
    return t.to(torch.float16).contiguous()


def write_single_file(path, entries, metadata=None):
    """A safetensors file written tensor by tensor: the header first (offsets from the shapes),
    then each tensor's fp16 bytes as it is made."""
    header, offset = {}, 0
    for key, shape, _ in entries:
        n = 2
        for d in shape:
            n *= d
        header[key] = {"dtype": "F16", "shape": shape, "data_offsets": [offset, offset + n]}
        offset += n
    position_ids = torch.arange(77, dtype=torch.int64)[None]
    header[CLIP_L_PREFIX + "embeddings.position_ids"] = {"dtype": "I64", "shape": [1, 77],
                                                          "data_offsets": [offset, offset + 77 * 8]}
    if metadata:
        header["__metadata__"] = metadata
    blob = json.dumps(header, separators=(",", ":")).encode()
    blob += b" " * (-len(blob) % 8)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(len(blob).to_bytes(8, "little"))
        f.write(blob)
        for key, shape, source in entries:
            f.write(random_tensor(key, shape, source).numpy().tobytes())
        f.write(position_ids.numpy().tobytes())
    os.replace(tmp, path)


def load_component(path, which):
    """One network from the SDXL single file, through diffusers' converters, in fp32: `unet`,
    `vae`, `clip_l` or `big_g`. Weights take the converted tensors as they are (meta device,
    `assign=True`), so loading holds one copy of them."""
    from diffusers.loaders import single_file_utils as sfu
    from safetensors import safe_open
    prefix = {"unet": UNET_PREFIX, "vae": VAE_PREFIX, "clip_l": "conditioner.embedders.0.",
              "big_g": BIG_G_PREFIX}[which]
    ck = {}
    with safe_open(path, framework="pt") as f:
        for k in f.keys():
            if k.startswith(prefix):
                t = f.get_tensor(k)
                ck[k] = t.float() if t.is_floating_point() else t
    make = {"unet": make_unet, "vae": make_vae, "clip_l": make_clip_l, "big_g": make_big_g}[which]
    with torch.device("meta"):
        module = make()
    if which == "unet":
        state = sfu.convert_ldm_unet_checkpoint(ck, module.config)
    elif which == "vae":
        state = sfu.convert_ldm_vae_checkpoint(ck, module.config)
    elif which == "clip_l":
        state = sfu.convert_ldm_clip_checkpoint(ck)
    else:
        state = sfu.convert_open_clip_checkpoint(module, ck, prefix=BIG_G_PREFIX)
    del ck
    state = {k: v for k, v in state.items() if "position_ids" not in k}
    wanted = set(module.state_dict())
    if not (set(state) & wanted):   # transformers ≥ 5 drops the `text_model.` prefix
        state = {k.removeprefix("text_model."): v for k, v in state.items()}
    module.load_state_dict(state, strict=True, assign=True)
    if which in ("clip_l", "big_g"):
        # Buffers that are not in the file (position_ids) stayed on the meta device.
        for name, buf in list(module.named_buffers()):
            if buf.is_meta:
                owner = module.get_submodule(name.rsplit(".", 1)[0])
                owner.register_buffer(name.rsplit(".", 1)[1], torch.arange(buf.shape[-1])[None].expand(buf.shape),
                                      persistent=False)
    return module.eval().requires_grad_(False)
