"""Makes the 9-channel inpainting fixture for Easel's tests, with torch and diffusers only.

The model is the shared tiny SD 1.x fixture (`../shared/fixtures/tiny-sd15-diffusers`) with
its UNet `conv_in` widened from 4 to 9 input channels, as SD 1.5 inpainting is: the first 4
input channels keep the tiny model's weights, the 5 new ones (mask, masked-image latent) are
`randn(seed 1515) * 0.05` rounded to fp16. Only that tensor is stored; the test patches it
into `tiny-sd15.safetensors` (`model.diffusion_model.input_blocks.0.0.weight`).

The runs follow A1111 (`modules/processing.py`):
- image conditioning (`inpainting_image_conditioning`): conditioning mask `round(mask/255)`
  at full size (ones for txt2img), masked image `x * (1 - mask)` in [-1, 1] (zeros for
  txt2img, `txt2img_image_conditioning`), its latent `0.18215 * posterior mean`, the mask
  resized to the latent with `F.interpolate` (nearest); UNet input `cat([x * c_in, mask, latent])`;
- the rest as in the shared fixtures' img2img/inpaint runs (`manifest-img2img.json`):
  `t_enc = int(min(strength, 0.999) * steps)`, `sigmas[steps - t_enc - 1:]`, `x = init + noise * s0`,
  the latent mask (Pillow bicubic, `np.around`) blended after every denoiser call and at the end;
- k-diffusion's CompVisDenoiser (continuous t, log-sigma interpolation) and Euler, written out
  here (no k-diffusion), CFG on eps with [uncond, cond] in one batch;
- decode `vae.decode(latent / 0.18215)`, `round(clamp((x + 1) / 2, 0, 1) * 255)`.

Run: tools/.venv-demo/bin/python tools/inpaint-model/make_tiny_inpaint.py
Writes Tests/DiffusionTests/Fixtures/tiny-sd15-inpainting-9ch.safetensors (about 30 KB).
"""
import os
import numpy as np
import torch
from PIL import Image

import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kdiffusion_schedule import alphas_cumprod, log_sigmas, sigmas_full, sigma_to_t, t_to_sigma, normal_sigmas  # noqa: E402,F401
from safetensors.torch import save_file
from diffusers import AutoencoderKL, UNet2DConditionModel
from transformers import CLIPTextModel

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.environ.get("EASEL_FIXTURES", os.path.join(os.path.dirname(ROOT), "shared", "fixtures"))
MODEL = os.path.join(FIXTURES, "tiny-sd15-diffusers")
ADAPTERS = os.path.join(FIXTURES, "tiny-sd15-adapters")
OUT = os.path.join(ROOT, "Tests", "DiffusionTests", "Fixtures", "tiny-sd15-inpainting-9ch.safetensors")
SCALE = 0.18215
CAT_IDS = [49406, 320, 1125, 539, 320, 2368] + [49407] * 71   # "a photo of a cat"
EMPTY_IDS = [49406] + [49407] * 76                             # ""

torch.set_grad_enabled(False)
unet = UNet2DConditionModel.from_pretrained(MODEL, subfolder="unet").float().eval()
vae = AutoencoderKL.from_pretrained(MODEL, subfolder="vae").float().eval()
text = CLIPTextModel.from_pretrained(MODEL, subfolder="text_encoder").float().eval()

old = unet.conv_in
extra = (torch.randn(old.out_channels, 5, 3, 3, generator=torch.Generator().manual_seed(1515)) * 0.05).half().float()
conv = torch.nn.Conv2d(9, old.out_channels, 3, padding=1)
conv.weight.copy_(torch.cat([old.weight, extra], dim=1))
conv.bias.copy_(old.bias)
unet.conv_in = conv

cond = text(torch.tensor([CAT_IDS])).last_hidden_state
uncond = text(torch.tensor([EMPTY_IDS])).last_hidden_state
context = torch.cat([uncond, cond])

# k-diffusion CompVisDenoiser over SD's scaled-linear betas: kdiffusion_schedule.py.


def encode_mean(x):
    return SCALE * vae.encode(x).latent_dist.mean


def image_conditioning(x, full_mask, h, w):
    masked = x * (1 - full_mask)
    small = torch.nn.functional.interpolate(full_mask, size=(h, w))
    return torch.cat([small, encode_mean(masked)], dim=1)


def denoise(x, sigma, image_cond, cfg):
    c_in = 1 / (sigma ** 2 + 1) ** 0.5
    t = sigma_to_t(sigma)
    x_in = torch.cat([torch.cat([x * c_in] * 2), torch.cat([image_cond] * 2)], dim=1)
    eps = unet(x_in, torch.stack([t, t]), encoder_hidden_states=context).sample
    eps = eps[0:1] + (eps[1:2] - eps[0:1]) * cfg
    return x - eps * sigma


def run(seed, steps, cfg, size, strength=None, init=None, mask=None):
    h = w = size // 8
    sigmas = normal_sigmas(steps)
    image_cond = image_conditioning(torch.zeros(1, 3, size, size), torch.ones(1, 1, size, size), h, w)
    init_latent = nmask = None
    if init is not None:
        t_enc = int(min(strength, 0.999) * steps)
        sigmas = sigmas[steps - t_enc - 1:]
        init_latent = encode_mean(init)
        if mask is not None:
            m = np.array(mask.convert("L").convert("RGB").resize((w, h)))[:, :, 0].astype(np.float32) / 255.0
            nmask = torch.from_numpy(np.around(m))[None, None].expand(1, 4, h, w)
            full = torch.round(torch.from_numpy(np.array(mask.convert("L")).astype(np.float32) / 255.0)[None, None])
            image_cond = image_conditioning(init, full, h, w)
    noise = torch.randn((1, 4, h, w), generator=torch.Generator().manual_seed(seed))
    x = noise * sigmas[0] if init_latent is None else init_latent + noise * sigmas[0]
    for i in range(len(sigmas) - 1):
        denoised = denoise(x, sigmas[i], image_cond, cfg)
        if nmask is not None:
            denoised = init_latent * (1 - nmask) + nmask * denoised
        d = (x - denoised) / sigmas[i]
        x = x + d * (sigmas[i + 1] - sigmas[i])
    if nmask is not None:
        x = x * nmask + init_latent * (1 - nmask)
    image = vae.decode(x / SCALE).sample
    levels = torch.round(((image + 1) / 2).clamp(0, 1) * 255)
    return {"noise": noise, "sigmas": sigmas.contiguous(), "latent": x, "image_levels": levels}


init_png = Image.open(os.path.join(ADAPTERS, "init-a.png")).convert("RGB")
init = torch.from_numpy(np.moveaxis(np.array(init_png).astype(np.float32) / 255.0, 2, 0))[None] * 2 - 1
mask_png = Image.open(os.path.join(ADAPTERS, "mask-a.png"))

tensors = {"conv_in_weight": conv.weight.detach().contiguous()}
for prefix, result in [("inpaint_", run(99, 8, 7.0, 64, strength=0.75, init=init, mask=mask_png)),
                       ("txt2img_", run(3, 6, 7.0, 64))]:
    tensors.update({prefix + k: v.detach().float().contiguous() for k, v in result.items()})
os.makedirs(os.path.dirname(OUT), exist_ok=True)
save_file(tensors, OUT, metadata={"made_with": f"torch {torch.__version__}, diffusers (tools/inpaint-model/make_tiny_inpaint.py)",
                                  "inpaint": "euler normal, 8 steps, strength 0.75, cfg 7, seed 99, init-a.png + mask-a.png, posterior mean",
                                  "txt2img": "euler normal, 6 steps, cfg 7, seed 3, 64x64"})
print(OUT, os.path.getsize(OUT), "bytes")
