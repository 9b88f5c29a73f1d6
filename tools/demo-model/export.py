"""Exports a trained run to one fp16 `.safetensors` in the A1111/LDM single-file layout and
verifies it by loading it back through diffusers' own LDM → diffusers converters.

    tools/.venv-demo/bin/python tools/demo-model/export.py --run tools/demo-model/runs/main \
        --out models/demo/easel-demo.safetensors
"""
import argparse
import os
import sys

import torch
from safetensors.torch import load_file, save_file

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import models  # noqa: E402
from ldm_keys import text_to_ldm, unet_to_ldm, vae_to_ldm  # noqa: E402
from train import alphas_cumprod  # noqa: E402


def load_run(run):
    """(unet, vae, text encoder) of a finished run: EMA UNet/text weights, the latent-rescaled VAE
    with its fine-tuned decoder."""
    unet, vae, text = models.make_unet(), models.make_vae(), models.make_text_encoder()
    weights = torch.load(os.path.join(run, "unet", "final.pt"))
    unet.load_state_dict(weights["unet"])
    text.load_state_dict(weights["text"])
    vae.load_state_dict(torch.load(os.path.join(run, "vae", "tuned.pt"))["model"])
    return unet.eval(), vae.eval(), text.eval()


def ldm_state(unet, vae, text):
    state = {}
    state.update(unet_to_ldm(unet.state_dict()))
    state.update(vae_to_ldm(vae.state_dict()))
    state.update(text_to_ldm(text.state_dict()))
    state = {k: (v.half() if v.is_floating_point() else v).contiguous() for k, v in state.items()}
    state["alphas_cumprod"] = alphas_cumprod()   # fp32, as real SD 1.x files store it
    return state


def from_ldm(path):
    """Loads a single file with diffusers' converters (independent of ldm_keys.py) into fp32 models."""
    from diffusers.loaders.single_file_utils import (convert_ldm_clip_checkpoint, convert_ldm_unet_checkpoint,
                                                     convert_ldm_vae_checkpoint)
    ck = {k: (v.float() if v.is_floating_point() else v) for k, v in load_file(path).items()}
    unet, vae, text = models.make_unet(), models.make_vae(), models.make_text_encoder()
    unet.load_state_dict(convert_ldm_unet_checkpoint(ck, unet.config), strict=True)
    vae.load_state_dict(convert_ldm_vae_checkpoint(ck, vae.config), strict=True)
    text_state = convert_ldm_clip_checkpoint(ck)
    text_state.pop("text_model.embeddings.position_ids", None)
    if not any(k.startswith("text_model.") for k in text.state_dict()):   # transformers ≥ 5 drops the prefix
        text_state = {k.removeprefix("text_model."): v for k, v in text_state.items()}
    text.load_state_dict(text_state, strict=True)
    return unet.eval(), vae.eval(), text.eval()


def rounded_copy(module, factory):
    """The module with its weights rounded to fp16 and back: what the exported file holds."""
    copy = factory()
    copy.load_state_dict({k: (v.half().float() if v.is_floating_point() else v) for k, v in module.state_dict().items()})
    return copy.eval()


@torch.no_grad()
def verify(path, unet, vae, text):
    """Max abs differences between the reloaded file and the fp16-rounded trained models."""
    unet_r, vae_r, text_r = from_ldm(path)
    unet_ref = rounded_copy(unet, models.make_unet)
    vae_ref = rounded_copy(vae, models.make_vae)
    text_ref = rounded_copy(text, models.make_text_encoder)
    g = torch.Generator().manual_seed(0)
    ids = torch.randint(0, 49408, (2, 77), generator=g)
    ctx_a, ctx_b = text_r(input_ids=ids).last_hidden_state, text_ref(input_ids=ids).last_hidden_state
    x = torch.randn(2, 4, 8, 8, generator=g)
    t = torch.tensor([999.0, 500.5])
    eps_a, eps_b = unet_r(x, t, ctx_b).sample, unet_ref(x, t, ctx_b).sample
    img = torch.rand(2, 3, 64, 64, generator=g) * 2 - 1
    post_a, post_b = vae_r.encode(img).latent_dist, vae_ref.encode(img).latent_dist
    dec_a, dec_b = vae_r.decode(x).sample, vae_ref.decode(x).sample
    return {
        "text": (ctx_a - ctx_b).abs().max().item(),
        "unet": (eps_a - eps_b).abs().max().item(),
        "vae_encode": (post_a.mean - post_b.mean).abs().max().item(),
        "vae_decode": (dec_a - dec_b).abs().max().item(),
    }


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--run", required=True)
    p.add_argument("--out", required=True)
    args = p.parse_args()
    unet, vae, text = load_run(args.run)
    state = ldm_state(unet, vae, text)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    save_file(state, tmp, metadata={"format": "pt"})
    os.replace(tmp, args.out)
    print(f"wrote {args.out}: {len(state)} tensors, {os.path.getsize(args.out) / 2**20:.1f} MiB")
    diffs = verify(args.out, unet, vae, text)
    print("reload through diffusers' single-file converters, max |diff| vs the trained model:", diffs)
    if max(diffs.values()) > 1e-4:
        sys.exit("export verification failed: the reloaded model differs from the trained one")


if __name__ == "__main__":
    main()
