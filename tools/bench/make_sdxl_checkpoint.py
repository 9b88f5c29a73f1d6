"""Writes the benchmark's SDXL base-shaped checkpoint (random fp16 weights, fixed seeds) as one
A1111/civitai single-file `.safetensors` (about 6.9 GB), plus the inputs of the SDXL rows.

    tools/.venv-demo/bin/python tools/bench/make_sdxl_checkpoint.py --out tools/bench/out [--check]

`--check` first maps the tiny SDXL fixture's diffusers folder to sgm names with the same tables
and compares them, key for key and value for value, with the fixture's single file (made by
other code, ../shared/fixtures/README.md), so the names written here are the ones an SDXL file has.
"""
import argparse
import os

import torch
from safetensors import safe_open
from safetensors.torch import load_file, save_file

import sdxl

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "fixtures")


def inputs(seed=1):
    """UNet x at 128² and 96² (batch 2, cond + uncond), timesteps, the 2048-wide context, the
    pooled vector and size ids (`y` = pooled ++ six 256-wide sinusoids, diffusers' `add_time_proj`),
    a VAE latent at 1024 px (already divided by 0.13025) and token ids for both encoders."""
    from diffusers.models.embeddings import get_timestep_embedding
    g = torch.Generator().manual_seed(seed)
    ids = torch.randint(0, 49406, (2, 77), generator=g)
    ids[:, 0] = 49406
    ids[:, -1] = 49407
    pooled = torch.randn(2, 1280, generator=g)
    time_ids = torch.tensor([[1024.0, 1024.0, 0.0, 0.0, 1024.0, 1024.0]] * 2)
    sinusoids = get_timestep_embedding(time_ids.flatten(), 256, flip_sin_to_cos=True, downscale_freq_shift=0)
    return {
        "unet128_x": torch.randn(2, 4, 128, 128, generator=g),
        "unet96_x": torch.randn(2, 4, 96, 96, generator=g),
        "timesteps": torch.tensor([999.0, 500.5]),
        "context": torch.randn(2, 77, 2048, generator=g),
        "pooled": pooled,
        "time_ids": time_ids,
        "y": torch.cat([pooled, sinusoids.reshape(2, -1)], dim=1),
        "vae_latent": torch.randn(1, 4, 128, 128, generator=g) / 0.13025 * 0.8,
        "clip_ids": ids.to(torch.int64),
    }


def check_against_fixture():
    """The UNet and bigG name tables against the tiny SDXL fixture pair."""
    single = safe_open(os.path.join(FIXTURES, "tiny-sdxl.safetensors"), "pt")
    keys = set(single.keys())
    unet = load_file(os.path.join(FIXTURES, "tiny-sdxl-diffusers", "unet", "diffusion_pytorch_model.safetensors"))
    mapped = {sdxl.UNET_PREFIX + sdxl.unet_key(k): v for k, v in unet.items()}
    want = {k for k in keys if k.startswith(sdxl.UNET_PREFIX)}
    assert set(mapped) == want, (sorted(set(mapped) ^ want)[:10])
    for k, v in mapped.items():
        assert torch.equal(v.float(), single.get_tensor(k).float()), k
    te2 = load_file(os.path.join(FIXTURES, "tiny-sdxl-diffusers", "text_encoder_2", "model.safetensors"))
    te2 = {(k if k.startswith(("text_model.", "text_projection")) else "text_model." + k): v for k, v in te2.items()}
    layers = 1 + max(int(k.split(".")[3]) for k in te2 if ".layers." in k)
    saved = sdxl.BIG_G_CONFIG["num_hidden_layers"]
    sdxl.BIG_G_CONFIG["num_hidden_layers"] = layers
    try:
        entries = sdxl.big_g_entries({k: list(v.shape) for k, v in te2.items()})
    finally:
        sdxl.BIG_G_CONFIG["num_hidden_layers"] = saved
    want = {k for k in keys if k.startswith(sdxl.BIG_G_PREFIX)}
    got = {sdxl.BIG_G_PREFIX + oc for oc, _, _, _ in entries}
    assert got <= want and not {k for k in want - got if not k.endswith("logit_scale")}, sorted(want ^ got)[:10]
    for oc, shape, parts, transposed in entries:
        value = torch.cat([te2[p] for p in parts]) if len(parts) > 1 else te2[parts[0]]
        value = value.t() if transposed else value
        stored = single.get_tensor(sdxl.BIG_G_PREFIX + oc)
        assert list(stored.shape) == shape and torch.equal(value.float(), stored.float()), oc
    print(f"names checked against the tiny SDXL fixture: {len(mapped)} UNet and {len(entries)} bigG tensors")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True, help="folder for sdxl-random-fp16.safetensors and sdxl-inputs.safetensors")
    p.add_argument("--check", action="store_true", help="check the name tables against the tiny SDXL fixture first")
    args = p.parse_args()
    if args.check:
        check_against_fixture()
    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, "sdxl-random-fp16.safetensors")
    entries = sdxl.plan()
    sdxl.write_single_file(path, entries, metadata={"format": "pt", "modelspec.title": "SDXL-shaped random weights (benchmark)"})
    print(f"wrote {path}: {len(entries) + 1} tensors, {os.path.getsize(path) / 1e9:.2f} GB")
    tmp = os.path.join(args.out, "sdxl-inputs.safetensors.tmp")
    save_file(inputs(), tmp)
    os.replace(tmp, os.path.join(args.out, "sdxl-inputs.safetensors"))


if __name__ == "__main__":
    main()
