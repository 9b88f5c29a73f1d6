"""Makes the SDXL img2img and 9-channel inpainting fixture for Easel's tests, with torch and
diffusers only (no Easel code).

The model is the shared tiny SDXL fixture (`../shared/fixtures/tiny-sdxl-diffusers`, the same
weights as `tiny-sdxl.safetensors`). For the inpainting runs its UNet `conv_in` is widened from
4 to 9 input channels, as SDXL inpainting (diffusers `StableDiffusionXLInpaintPipeline`,
`unet.config.in_channels == 9`) is: the first 4 input channels keep the tiny model's weights,
the 5 new ones (mask, masked-image latent) are `randn(seed 1516) * 0.05` rounded to fp16. Only
that tensor is stored; the test patches it into `tiny-sdxl.safetensors`
(`model.diffusion_model.input_blocks.0.0.weight`).

Text conditioning is the shared reference's (`tiny-sdxl-reference/text.safetensors`,
`p0_context`/`p0_pooled` for "a photo of a cat"); the negative is "", so context and pooled
are zeros (A1111 `force_zero_embeddings`, manifest `empty_negative`) and the size part of `y`
is kept. The UNet gets diffusers' `added_cond_kwargs` (`text_embeds`, `time_ids` = [h, w, 0, 0,
h, w]); the script checks that this `y` equals the reference's `p0_y_64x64`. SDXL's
aesthetic-score conditioning belongs to the refiner (5 sinusoids), not to these 6-sinusoid UNets.

The runs follow A1111 (`modules/processing.py`), as `make_tiny_inpaint.py` does for SD 1.x:
- img2img (`setup_img2img_steps`, `sample_img2img`): `t_enc = int(min(strength, 0.999) * steps)`,
  `sigmas[steps - t_enc - 1:]`, `x = init + noise * s0`; init latent `0.13025 * posterior mean`,
  or `0.13025 * (mean + exp(0.5 * clamp(logvar, -30, 20)) * eps)` with eps from a generator of
  its own seeded with the seed (the shared manifest's `vae_sample`);
- inpainting: the latent mask (Pillow bicubic resize to the latent, `np.around`) blends every
  denoised estimate with the init latent and the result at the end (`CFGDenoiser.forward`,
  `Img2Img.sample`), for the 9-channel model too, as A1111 does;
- image conditioning (`inpainting_image_conditioning`): conditioning mask `round(mask/255)` at
  full size (ones for txt2img), masked image `x * (1 - mask)` (zeros for txt2img), its latent
  `0.13025 * posterior mean`, the mask resized to the latent with `F.interpolate` (nearest);
  UNet input `cat([x * c_in, mask, latent])`;
- k-diffusion's CompVisDenoiser (continuous t, log-sigma interpolation), Euler and Euler
  ancestral (`sample_euler_ancestral`, eta 1, draws after the initial noise from the same
  generator), written out here, CFG on eps with [uncond, cond] in one batch;
- decode `vae.decode(latent / 0.13025)`, `round(clamp((x + 1) / 2, 0, 1) * 255)`.
Before writing, it reproduces the shared txt2img run `euler-normal-s42-64x64` to show that this
path is the one the shared fixtures used.

Run: tools/.venv-demo/bin/python tools/inpaint-model/make_tiny_sdxl_runs.py
Writes Tests/DiffusionTests/Fixtures/tiny-sdxl-image-runs.safetensors (about 120 KB).
"""
import os
import numpy as np
import torch
from PIL import Image

import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kdiffusion_schedule import alphas_cumprod, log_sigmas, sigmas_full, sigma_to_t, t_to_sigma, normal_sigmas  # noqa: E402,F401
from safetensors.torch import load_file, save_file
from diffusers import AutoencoderKL, UNet2DConditionModel

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.environ.get("EASEL_FIXTURES", os.path.join(os.path.dirname(ROOT), "shared", "fixtures"))
MODEL = os.path.join(FIXTURES, "tiny-sdxl-diffusers")
REFERENCE = os.path.join(FIXTURES, "tiny-sdxl-reference")
ADAPTERS = os.path.join(FIXTURES, "tiny-sd15-adapters")
OUT = os.path.join(ROOT, "Tests", "DiffusionTests", "Fixtures", "tiny-sdxl-image-runs.safetensors")
SCALE = 0.13025

torch.set_grad_enabled(False)
unet = UNet2DConditionModel.from_pretrained(MODEL, subfolder="unet").float().eval()
vae = AutoencoderKL.from_pretrained(MODEL, subfolder="vae").float().eval()
text = load_file(os.path.join(REFERENCE, "text.safetensors"))
cond_context, cond_pooled = text["p0_context"].float()[None], text["p0_pooled"].float()[None]   # [1, 77, 128], [1, 64]
context = torch.cat([torch.zeros_like(cond_context), cond_context])                 # [uncond, cond]
pooled = torch.cat([torch.zeros_like(cond_pooled), cond_pooled])

# k-diffusion CompVisDenoiser over SD's scaled-linear betas: kdiffusion_schedule.py.


def time_ids(h, w):
    return torch.tensor([[h, w, 0, 0, h, w]] * 2, dtype=torch.float32)


def y_of(h, w):
    """diffusers UNet2DConditionModel `get_aug_embed` (text_time): pooled ++ Timesteps(256) of time_ids."""
    sizes = unet.add_time_proj(time_ids(h, w).flatten()).reshape(2, -1)
    return torch.cat([pooled, sizes], dim=1)


def posterior(x):
    dist = vae.encode(x).latent_dist
    return dist.mean, dist.logvar


def image_conditioning(x, full_mask, h, w):
    masked = x * (1 - full_mask)
    small = torch.nn.functional.interpolate(full_mask, size=(h, w))
    return torch.cat([small, SCALE * posterior(masked)[0]], dim=1)


def denoise(model, x, sigma, image_cond, cfg, size):
    c_in = 1 / (sigma ** 2 + 1) ** 0.5
    t = sigma_to_t(sigma)
    x_in = torch.cat([x * c_in] * 2)
    if image_cond is not None:
        x_in = torch.cat([x_in, torch.cat([image_cond] * 2)], dim=1)
    added = {"text_embeds": pooled, "time_ids": time_ids(*size)}
    eps = model(x_in, torch.stack([t, t]), encoder_hidden_states=context, added_cond_kwargs=added).sample
    eps = eps[0:1] + (eps[1:2] - eps[0:1]) * cfg
    return x - eps * sigma


def ancestral_step(s, s_next):
    """k-diffusion `get_ancestral_step`, eta 1."""
    up = torch.minimum(s_next, (s_next ** 2 * (s ** 2 - s_next ** 2) / s ** 2) ** 0.5)
    return (s_next ** 2 - up ** 2) ** 0.5, up


def run(model, seed, steps, cfg, size, sampler="euler", strength=None, init=None, latent_mode="mean",
        mask=None, nine_channels=False):
    height, width = size
    h, w = height // 8, width // 8
    sigmas = normal_sigmas(steps)
    image_cond = None
    if nine_channels:
        image_cond = image_conditioning(torch.zeros(1, 3, height, width), torch.ones(1, 1, height, width), h, w)
    init_latent = nmask = None
    if init is not None:
        t_enc = int(min(strength, 0.999) * steps)
        sigmas = sigmas[steps - t_enc - 1:]
        mean, logvar = posterior(init)
        z = mean
        if latent_mode == "sample":
            eps = torch.randn(mean.shape, generator=torch.Generator().manual_seed(seed))
            z = mean + torch.exp(0.5 * logvar.clamp(-30, 20)) * eps
        init_latent = SCALE * z
        if mask is not None:
            m = np.array(mask.convert("L").convert("RGB").resize((w, h)))[:, :, 0].astype(np.float32) / 255.0
            nmask = torch.from_numpy(np.around(m))[None, None].expand(1, 4, h, w)
            full = torch.round(torch.from_numpy(np.array(mask.convert("L")).astype(np.float32) / 255.0)[None, None])
            image_cond = image_conditioning(init, full, h, w)
    g = torch.Generator().manual_seed(seed)
    noise = torch.randn((1, 4, h, w), generator=g)
    x = noise * sigmas[0] if init_latent is None else init_latent + noise * sigmas[0]
    for i in range(len(sigmas) - 1):
        denoised = denoise(model, x, sigmas[i], image_cond, cfg, size)
        if nmask is not None:
            denoised = init_latent * (1 - nmask) + nmask * denoised
        d = (x - denoised) / sigmas[i]
        if sampler == "euler":
            x = x + d * (sigmas[i + 1] - sigmas[i])
        else:
            down, up = ancestral_step(sigmas[i], sigmas[i + 1])
            x = x + d * (down - sigmas[i])
            if sigmas[i + 1] > 0:
                x = x + torch.randn(x.shape, generator=g) * up
    if nmask is not None:
        x = x * nmask + init_latent * (1 - nmask)
    image = vae.decode(x / SCALE).sample
    levels = torch.round(((image + 1) / 2).clamp(0, 1) * 255)
    result = {"noise": noise, "sigmas": sigmas.contiguous(), "latent": x, "image_levels": levels.half()}
    if init_latent is not None:
        result["init_latent"] = init_latent
    return result


# The shared fixtures' txt2img run, reproduced by this path (its y and its latent).
shared = load_file(os.path.join(REFERENCE, "euler-normal-s42-64x64.safetensors"))
y_uncond, y_cond = y_of(64, 64)
assert (y_cond - text["p0_y_64x64"].float()).abs().max() < 1e-5, "y differs from the shared reference"
assert (y_uncond - shared["y_uncond"].float()).abs().max() < 1e-5, "the empty negative's y differs from the shared run's"
check = run(unet, 42, 8, 7.0, (64, 64))
err = (check["latent"] - shared["latent"].float()).abs().max().item()
levels = (check["image_levels"].float() - torch.round(((shared["image"].float() + 1) / 2).clamp(0, 1) * 255)).abs().max().item()
print("shared euler-normal-s42-64x64: max latent difference", err, "max level difference", levels)
assert err < 1e-3, "this script's sampling path differs from the shared fixtures'"

init_png = Image.open(os.path.join(ADAPTERS, "init-a.png")).convert("RGB")
init = torch.from_numpy(np.moveaxis(np.array(init_png).astype(np.float32) / 255.0, 2, 0))[None] * 2 - 1
mask_png = Image.open(os.path.join(ADAPTERS, "mask-a.png"))

tensors = {}
for prefix, result in [
    ("img2img_mean_", run(unet, 42, 8, 7.0, (64, 64), strength=0.5, init=init)),
    ("img2img_sample_", run(unet, 7, 8, 6.0, (64, 64), sampler="euler_a", strength=0.8, init=init, latent_mode="sample")),
]:
    tensors.update({prefix + k: v.detach().contiguous() for k, v in result.items()})

old = unet.conv_in
extra = (torch.randn(old.out_channels, 5, 3, 3, generator=torch.Generator().manual_seed(1516)) * 0.05).half().float()
conv = torch.nn.Conv2d(9, old.out_channels, 3, padding=1)
conv.weight.copy_(torch.cat([old.weight, extra], dim=1))
conv.bias.copy_(old.bias)
unet.conv_in = conv
tensors["conv_in_weight"] = conv.weight.detach().contiguous()
for prefix, result in [
    ("inpaint_", run(unet, 99, 8, 7.0, (64, 64), strength=0.75, init=init, mask=mask_png, nine_channels=True)),
    ("txt2img_", run(unet, 3, 6, 7.0, (64, 64), nine_channels=True)),
]:
    tensors.update({prefix + k: v.detach().contiguous() for k, v in result.items()})

os.makedirs(os.path.dirname(OUT), exist_ok=True)
save_file(tensors, OUT, metadata={
    "made_with": f"torch {torch.__version__}, diffusers (tools/inpaint-model/make_tiny_sdxl_runs.py)",
    "img2img_mean": "tiny SDXL, euler normal, 8 steps, strength 0.5, cfg 7, seed 42, init-a.png, posterior mean",
    "img2img_sample": "tiny SDXL, euler_a normal, 8 steps, strength 0.8, cfg 6, seed 7, init-a.png, posterior sample",
    "inpaint": "9-channel tiny SDXL, euler normal, 8 steps, strength 0.75, cfg 7, seed 99, init-a.png + mask-a.png, posterior mean",
    "txt2img": "9-channel tiny SDXL, euler normal, 6 steps, cfg 7, seed 3, 64x64",
    "prompt": "'a photo of a cat', negative '' (zeros)"})
print(OUT, os.path.getsize(OUT), "bytes")
