"""The SD 1.5 architecture (UNet, VAE, CLIP-L text encoder) for the side-by-side benchmark:
diffusers/transformers modules with the published SD 1.5 shapes (`runwayml/stable-diffusion-v1-5`
`unet/`, `vae/` and `text_encoder/` config.json values), random weights from a fixed seed, and
loading back from an A1111 single file through diffusers' own LDM converters.
"""
import os
import sys

import torch
from diffusers import AutoencoderKL, UNet2DConditionModel
from transformers import CLIPTextConfig, CLIPTextModel

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "demo-model"))
from ldm_keys import text_to_ldm, unet_to_ldm, vae_to_ldm  # noqa: E402

UNET_CONFIG = dict(
    sample_size=64, in_channels=4, out_channels=4,
    block_out_channels=(320, 640, 1280, 1280),
    down_block_types=("CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"),
    up_block_types=("UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D"),
    layers_per_block=2, attention_head_dim=8, cross_attention_dim=768, norm_num_groups=32,
    flip_sin_to_cos=True, freq_shift=0, use_linear_projection=False,
)
VAE_CONFIG = dict(
    sample_size=512, in_channels=3, out_channels=3, latent_channels=4,
    block_out_channels=(128, 256, 512, 512),
    down_block_types=("DownEncoderBlock2D",) * 4, up_block_types=("UpDecoderBlock2D",) * 4,
    layers_per_block=2, norm_num_groups=32, scaling_factor=0.18215,
)
TEXT_CONFIG = dict(
    vocab_size=49408, hidden_size=768, intermediate_size=3072, num_hidden_layers=12,
    num_attention_heads=12, max_position_embeddings=77, hidden_act="quick_gelu", layer_norm_eps=1e-5,
    bos_token_id=49406, eos_token_id=49407, pad_token_id=49407, projection_dim=768,
)


def make_unet():
    return UNet2DConditionModel(**UNET_CONFIG).eval()


def make_vae():
    return AutoencoderKL(**VAE_CONFIG).eval()


def make_text_encoder():
    return CLIPTextModel(CLIPTextConfig(**TEXT_CONFIG)).eval()


@torch.no_grad()
def randomise(module, seed):
    """Default initialisation from `seed`, then norm scales 1 ± 0.1 and norm shifts ± 0.05 (so the
    affine parts of the norms are exercised), then every weight rounded to fp16 and back, so the
    fp16 file and the fp32 modules hold identical values."""
    g = torch.Generator().manual_seed(seed + 1)
    for name, p in module.named_parameters():
        if p.dim() == 1 and "norm" in name:
            noise = torch.rand(p.shape, generator=g) * 2 - 1
            p.copy_(1 + 0.1 * noise if name.endswith("weight") else 0.05 * noise)
        p.copy_(p.half().float())
    return module


def make_all(seed=0):
    torch.manual_seed(seed)
    unet = randomise(make_unet(), seed)
    vae = randomise(make_vae(), seed)
    text = randomise(make_text_encoder(), seed)
    return unet, vae, text


def alphas_cumprod():
    """SD 1.x scaled-linear betas (0.00085 → 0.012, 1000 steps); ldm `make_beta_schedule`."""
    betas = torch.linspace(0.00085 ** 0.5, 0.012 ** 0.5, 1000, dtype=torch.float64) ** 2
    return torch.cumprod(1 - betas, dim=0).float()


def ldm_state(unet, vae, text, dtype):
    state = {}
    state.update(unet_to_ldm(unet.state_dict()))
    state.update(vae_to_ldm(vae.state_dict()))
    state.update(text_to_ldm(text.state_dict()))
    state = {k: (v.to(dtype) if v.is_floating_point() else v).contiguous() for k, v in state.items()}
    state["alphas_cumprod"] = alphas_cumprod()
    return state


def load_component(path, which):
    """One network from an A1111 single file, through diffusers' converters, in fp32."""
    from diffusers.loaders.single_file_utils import (convert_ldm_clip_checkpoint, convert_ldm_unet_checkpoint,
                                                     convert_ldm_vae_checkpoint)
    from safetensors import safe_open
    prefix = {"unet": "model.diffusion_model.", "vae": "first_stage_model.", "text": "cond_stage_model."}[which]
    ck = {}
    with safe_open(path, framework="pt") as f:
        for k in f.keys():
            if k.startswith(prefix):
                t = f.get_tensor(k)
                ck[k] = t.float() if t.is_floating_point() else t
    # UNet and VAE are built on the meta device and take the converted tensors as they are
    # (assign=True), so loading holds one copy of the weights, as ComfyUI's loader does.
    if which == "unet":
        with torch.device("meta"):
            module = make_unet()
        module.load_state_dict(convert_ldm_unet_checkpoint(ck, module.config), strict=True, assign=True)
    elif which == "vae":
        with torch.device("meta"):
            module = make_vae()
        module.load_state_dict(convert_ldm_vae_checkpoint(ck, module.config), strict=True, assign=True)
    else:
        module = make_text_encoder()
        state = convert_ldm_clip_checkpoint(ck)
        state.pop("text_model.embeddings.position_ids", None)
        if not any(k.startswith("text_model.") for k in module.state_dict()):   # transformers ≥ 5 drops the prefix
            state = {k.removeprefix("text_model."): v for k, v in state.items()}
        module.load_state_dict(state, strict=True)
    del ck
    return module.eval()
