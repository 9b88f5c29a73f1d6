"""Writes the benchmark's SD 1.5-architecture checkpoint (random weights, fixed seed) as one
A1111 single-file `.safetensors` (fp16 by default), plus the shared inputs of every benchmark row.

    tools/.venv-demo/bin/python tools/bench/make_checkpoint.py --out tools/bench/out
"""
import argparse
import os

import torch
from safetensors.torch import save_file

import sd15


def inputs(seed=1):
    """The rows' inputs: UNet x at 64² and 32² (batch 2), timesteps, text context, a VAE latent
    (already divided by 0.18215) and CLIP token ids."""
    g = torch.Generator().manual_seed(seed)
    ids = torch.randint(0, 49406, (2, 77), generator=g)
    ids[:, 0] = 49406
    ids[:, -1] = 49407
    return {
        "unet64_x": torch.randn(2, 4, 64, 64, generator=g),
        "unet32_x": torch.randn(2, 4, 32, 32, generator=g),
        "timesteps": torch.tensor([999.0, 500.5]),
        "context": torch.randn(2, 77, 768, generator=g),
        "vae_latent": torch.randn(1, 4, 64, 64, generator=g) / 0.18215 * 0.8,
        "clip_ids": ids.to(torch.int64),
    }


def write(path, state, metadata=None):
    tmp = path + ".tmp"
    save_file(state, tmp, metadata=metadata)
    os.replace(tmp, path)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True, help="folder for sd15-random-fp16.safetensors and inputs.safetensors")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--fp32", action="store_true", help="also write sd15-random-fp32.safetensors")
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    unet, vae, text = sd15.make_all(args.seed)
    for dtype, name in [(torch.float16, "fp16")] + ([(torch.float32, "fp32")] if args.fp32 else []):
        path = os.path.join(args.out, f"sd15-random-{name}.safetensors")
        write(path, sd15.ldm_state(unet, vae, text, dtype), metadata={"format": "pt"})
        print(f"wrote {path}: {os.path.getsize(path) / 2**30:.2f} GiB")
    write(os.path.join(args.out, "inputs.safetensors"), inputs())


if __name__ == "__main__":
    main()
