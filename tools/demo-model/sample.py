"""Samples from an exported demo model file, the way the Easel engine does (A1111 semantics):
k-diffusion Euler over `CompVisDenoiser` sigmas (`get_sigmas`, log-sigma interpolation), eps
prediction with c_in = 1/√(σ²+1), CFG on the denoised output, `torch.manual_seed(seed)` noise,
`vae.decode(latent / 0.18215)`.

    sample.py grid --model models/demo/easel-demo.safetensors --out models/demo/samples.png
    sample.py eval --model models/demo/easel-demo.safetensors      # held-out colour adherence
"""
import argparse
import colorsys
import json
import os
import sys

import numpy as np
import torch
from PIL import Image, ImageDraw

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from conditioning import PromptEncoder, encode, load_tokenizer  # noqa: E402
from export import from_ldm  # noqa: E402
from grid_prompts import PROMPTS as GRID_PROMPTS  # noqa: E402
from train import LATENT_SCALE, alphas_cumprod  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


class Sampler:
    def __init__(self, model_path):
        self.unet, self.vae, self.text = from_ldm(model_path)
        self.prompts = PromptEncoder(load_tokenizer())
        acp = alphas_cumprod().double()
        self.log_sigmas = (((1 - acp) / acp) ** 0.5).log()   # k-diffusion DiscreteSchedule

    def sigma_to_t(self, sigma):
        """k-diffusion `DiscreteSchedule.sigma_to_t`: interpolate in log sigma."""
        ls = self.log_sigmas
        dists = sigma.log() - ls
        low = (dists >= 0).cumsum(0).argmax(0).clamp(max=len(ls) - 2)
        w = ((ls[low] - sigma.log()) / (ls[low] - ls[low + 1])).clamp(0, 1)
        return (1 - w) * low + w * (low + 1)

    def sigmas(self, n):
        """k-diffusion `get_sigmas(n)`: t = linspace(999, 0, n), sigma(t) by log-sigma interpolation, then 0."""
        t = torch.linspace(len(self.log_sigmas) - 1, 0, n, dtype=torch.float64)
        low, high = t.floor().long(), t.ceil().long()
        w = t - low
        s = ((1 - w) * self.log_sigmas[low] + w * self.log_sigmas[high]).exp()
        return torch.cat([s, s.new_zeros(1)])

    @torch.no_grad()
    def __call__(self, prompt, seed, steps=20, cfg=7.0, negative=""):
        ids, w = self.prompts.batch([negative, prompt])
        ctx = encode(self.text, ids, w)                       # [2, 77, D]
        torch.manual_seed(seed)
        sig = self.sigmas(steps)
        x = torch.randn(1, 4, 8, 8, dtype=torch.float32) * sig[0].float()   # [1, 4, 8, 8]
        for i in range(steps):
            s = sig[i]
            c_in = 1 / (s ** 2 + 1) ** 0.5
            t = self.sigma_to_t(s).float()
            eps = self.unet(torch.cat([x, x]) * c_in.float(), t.expand(2), ctx).sample   # [2, 4, 8, 8]
            denoised = x - eps * s.float()
            uncond, cond = denoised[:1], denoised[1:]
            d_out = uncond + (cond - uncond) * cfg
            d = (x - d_out) / s.float()
            x = x + d * (sig[i + 1] - s).float()
        img = self.vae.decode(x / LATENT_SCALE).sample[0]     # [3, 64, 64]
        img = ((img + 1) / 2).clamp(0, 1).permute(1, 2, 0).numpy()
        return np.round(img * 255).astype(np.uint8)


def grid(args):
    sampler = Sampler(args.model)
    seeds = list(range(args.seeds))
    label_w, cell = 260, 128
    canvas = Image.new("RGB", (label_w + cell * len(seeds), cell * len(GRID_PROMPTS)), (255, 255, 255))
    d = ImageDraw.Draw(canvas)
    for r, prompt in enumerate(GRID_PROMPTS):
        d.text((6, r * cell + cell // 2 - 6), prompt, fill=(0, 0, 0))
        for c, seed in enumerate(seeds):
            img = Image.fromarray(sampler(prompt, seed, cfg=args.cfg)).resize((cell, cell), Image.NEAREST)
            canvas.paste(img, (label_w + c * cell, r * cell))
    canvas.save(args.out)
    print(f"wrote {args.out}")


def dominant_color(img, colors):
    """The chromatic colour name whose hue is nearest to most saturated pixels of the centre region."""
    h, w, _ = img.shape
    centre = img[h // 4: 3 * h // 4, w // 4: 3 * w // 4].reshape(-1, 3) / 255
    votes = {}
    for r, g, b in centre:
        hue, sat, val = colorsys.rgb_to_hsv(r, g, b)
        if sat < 0.35 or val < 0.2:
            continue
        name = min(colors, key=lambda n: min(abs(hue * 360 - colors[n]), 360 - abs(hue * 360 - colors[n])))
        votes[name] = votes.get(name, 0) + 1
    return max(votes, key=votes.get) if votes else None


def evaluate(args):
    sampler = Sampler(args.model)
    with open(os.path.join(HERE, "heldout.json")) as f:
        held = json.load(f)
    colors = {n: c["hue"] for n, c in held["colors"].items() if c["chromatic"]}
    for cfg in (1.0, 7.0):
        hits = 0
        for i, case in enumerate(held["cases"]):
            got = dominant_color(sampler(case["prompt"], seed=i, cfg=cfg), colors)
            hits += got == case["color"]
        print(f"cfg {cfg}: colour adherence {hits}/{len(held['cases'])}")
    day = np.mean([sampler(f"{c['color']} {held['subjects'][c['subject']]}, day", seed=i).mean()
                   for i, c in enumerate(held["cases"][:8])])
    night = np.mean([sampler(f"{c['color']} {held['subjects'][c['subject']]}, night", seed=i).mean()
                     for i, c in enumerate(held["cases"][:8])])
    noir = [sampler(f"{c['color']} {held['subjects'][c['subject']]}, noir", seed=i).astype(float)
            for i, c in enumerate(held["cases"][:8])]
    chroma = np.mean([(x.max(axis=2) - x.min(axis=2)).mean() for x in noir])
    print(f"mean brightness: day {day:.1f}, night {night:.1f}; noir mean max-min channel spread {chroma:.1f}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("grid")
    g.add_argument("--model", required=True)
    g.add_argument("--out", required=True)
    g.add_argument("--seeds", type=int, default=6)
    g.add_argument("--cfg", type=float, default=7.0)
    e = sub.add_parser("eval")
    e.add_argument("--model", required=True)
    args = p.parse_args()
    torch.set_num_threads(1)
    grid(args) if args.cmd == "grid" else evaluate(args)


if __name__ == "__main__":
    main()
