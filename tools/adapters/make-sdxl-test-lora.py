"""Tiny SDXL LoRA files for the tiny SDXL fixture, and the merged weights they must give.

Writes, into Tests/ModelsTests/Data/:
- tiny-sdxl-lora.safetensors: kohya names, sgm (LDM) and diffusers variants, lora_te1_ and
  lora_te2_ (bigG q/k/v, which the single file stores fused in `attn.in_proj_weight`), a 3x3
  LoCon conv, alpha != rank, `ss_base_model_version: sdxl_base_v1-0`;
- tiny-sdxl-lora-peft.safetensors: PEFT names (`unet.`, `text_encoder.`, `text_encoder_2.`),
  no alpha (scale 1);
- tiny-sdxl-lora-expected.safetensors: six rows of W' = W + m*scale*dW (in float64, rounded
  to fp32) per tensor, `kohya/KEY` or `peft/KEY` with the row numbers (as F32) in `rows/…/KEY`, KEY the
  single file's own key, with te multiplier 0.7 and unet multiplier 1.3.

The expected values use only torch and the fixture file: the base W is read from
`tiny-sdxl.safetensors` by its stored key; bigG's fused in_proj gets
vstack(dWq, dWk, dWv) as A1111 `extensions-builtin/Lora/networks.py`
(`network_apply_weights`, the `torch.nn.MultiheadAttention` branch) does; every diffusers
name used here is checked to exist in `tiny-sdxl-diffusers/unet` (diffusers' own layout), so
no Easel key table is involved. Formulas: fixtures README "Formulas" (A1111 network_lora.py,
ComfyUI comfy/weight_adapter/lora.py).

Run: tools/.venv-demo/bin/python tools/adapters/make-sdxl-test-lora.py
"""
import pathlib, torch
from safetensors import safe_open
from safetensors.torch import save_file

FIX = pathlib.Path(__file__).resolve().parents[3] / "shared" / "fixtures"
OUT = pathlib.Path(__file__).resolve().parents[2] / "Tests" / "ModelsTests" / "Data"
TE, UNET = 0.7, 1.3
base = safe_open(str(FIX / "tiny-sdxl.safetensors"), "pt")
dunet = safe_open(str(FIX / "tiny-sdxl-diffusers/unet/diffusion_pytorch_model.safetensors"), "pt")
U, L, G = "model.diffusion_model.", "conditioner.embedders.0.transformer.text_model.", "conditioner.embedders.1.model."
g = torch.Generator().manual_seed(20261203)

def rnd(*shape):
    return (torch.randn(*shape, generator=g, dtype=torch.float64) * 0.05).float()

def delta(down, up):
    o, r = up.shape[0], down.shape[0]
    return up.double().reshape(o, r) @ down.double().reshape(r, -1)

kohya, peft, expected = {}, {}, {}

def add_kohya(name, out_shape, rank, alpha, conv=False):
    o, i = out_shape[0], out_shape[1]
    down = rnd(rank, i, 3, 3) if conv else rnd(rank, i)
    up = rnd(o, rank, 1, 1) if conv else rnd(o, rank)
    kohya[name + ".lora_down.weight"], kohya[name + ".lora_up.weight"] = down, up
    kohya[name + ".alpha"] = torch.tensor(float(alpha))
    return delta(down, up).reshape(out_shape) * (alpha / rank)

def add_peft(name, out_shape, rank):
    a, b = rnd(rank, out_shape[1]), rnd(out_shape[0], rank)
    peft[name + ".lora_A.weight"], peft[name + ".lora_B.weight"] = a, b
    return delta(a, b).reshape(out_shape)

def merge(key, *deltas, m):
    w = base.get_tensor(key).double()
    expected[key] = (w + m * sum(deltas)).float()

def shape(key): return list(base.get_slice(key).get_shape())

def check_diffusers(path): assert path + ".weight" in dunet.keys(), path

# UNet, sgm (LDM) names
k = U + "input_blocks.4.1.transformer_blocks.0.attn1.to_q.weight"
merge(k, add_kohya("lora_unet_input_blocks_4_1_transformer_blocks_0_attn1_to_q", shape(k), 4, 2), m=UNET)
k = U + "output_blocks.3.0.in_layers.2.weight"
merge(k, add_kohya("lora_unet_output_blocks_3_0_in_layers_2", shape(k), 2, 1, conv=True), m=UNET)
# UNet, diffusers names (checked against the diffusers folder)
check_diffusers("down_blocks.2.attentions.0.transformer_blocks.1.attn2.to_k")
k = U + "input_blocks.7.1.transformer_blocks.1.attn2.to_k.weight"
merge(k, add_kohya("lora_unet_down_blocks_2_attentions_0_transformer_blocks_1_attn2_to_k", shape(k), 4, 8), m=UNET)
check_diffusers("mid_block.attentions.0.transformer_blocks.1.ff.net.0.proj")
k = U + "middle_block.1.transformer_blocks.1.ff.net.0.proj.weight"
merge(k, add_kohya("lora_unet_mid_block_attentions_0_transformer_blocks_1_ff_net_0_proj", shape(k), 3, 3), m=UNET)
# te1 = CLIP-L
k = L + "encoder.layers.0.self_attn.q_proj.weight"
merge(k, add_kohya("lora_te1_text_model_encoder_layers_0_self_attn_q_proj", shape(k), 4, 1), m=TE)
# te2 = bigG: q, k, v stacked onto the fused in_proj
k = G + "transformer.resblocks.0.attn.in_proj_weight"
w = shape(k)[1]
parts = [add_kohya(f"lora_te2_text_model_encoder_layers_0_self_attn_{p}_proj", [w, w], 4, 2) for p in "qkv"]
merge(k, torch.vstack(parts), m=TE)
k = G + "transformer.resblocks.1.mlp.c_fc.weight"
merge(k, add_kohya("lora_te2_text_model_encoder_layers_1_mlp_fc1", shape(k), 2, 4), m=TE)

save_file(kohya, str(OUT / "tiny-sdxl-lora.safetensors"), metadata={"ss_base_model_version": "sdxl_base_v1-0",
          "ss_output_name": "tiny-sdxl-lora"})
kohya_expected = dict(expected); expected.clear()

# PEFT names: only v of bigG's layer 2 (rows 2W..3W of its in_proj), CLIP-L fc2, a UNet proj_in
k = G + "transformer.resblocks.2.attn.in_proj_weight"
dv = add_peft("text_encoder_2.text_model.encoder.layers.2.self_attn.v_proj", [w, w], 2)
merge(k, torch.vstack([torch.zeros(2 * w, w, dtype=torch.float64), dv]), m=TE)
k = L + "encoder.layers.1.mlp.fc2.weight"
merge(k, add_peft("text_encoder.text_model.encoder.layers.1.mlp.fc2", shape(k), 3), m=TE)
check_diffusers("down_blocks.1.attentions.0.proj_in")
k = U + "input_blocks.4.1.proj_in.weight"
merge(k, add_peft("unet.down_blocks.1.attentions.0.proj_in", shape(k), 2), m=UNET)
save_file(peft, str(OUT / "tiny-sdxl-lora-peft.safetensors"))

def rows(t):
    """Six rows of W' (first, second, each third's start, last), to keep the file small: for
    bigG's in_proj they fall in q, k and v."""
    o = t.shape[0]
    return torch.tensor(sorted({0, 1, o // 3, o // 3 + 1, 2 * o // 3, o - 1}), dtype=torch.int64)

out = {}
for group, table in (("kohya", kohya_expected), ("peft", expected)):
    for k, v in table.items():
        r = rows(v)
        out[f"{group}/{k}"], out[f"rows/{group}/{k}"] = v[r].contiguous(), r.float()
save_file(out, str(OUT / "tiny-sdxl-lora-expected.safetensors"),
          metadata={"te_multiplier": str(TE), "unet_multiplier": str(UNET)})
print(len(kohya), "kohya tensors,", len(peft), "peft tensors,", len(out), "expected")
