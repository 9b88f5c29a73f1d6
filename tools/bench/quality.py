"""Quality cost of the fast mode: renders the five fixture runs of
`../shared/fixtures/tiny-sd15-reference/manifest.json` with `easel generate` in each precision
(EASEL_PRECISION=fp32 and bf16) and prints, per run, the max and mean absolute difference in
8-bit levels over all pixels and channels: each precision against the reference PNG, and bf16
against fp32.

    tools/.venv-demo/bin/python tools/bench/quality.py --easel .build/release/easel \
        [--fixtures ../shared/fixtures] [--model tiny-sd15.safetensors]
"""
import argparse
import json
import os
import subprocess
import tempfile

import numpy as np
from PIL import Image


def render(easel, model, run, precision, out, data_dir):
    env = dict(os.environ, EASEL_PRECISION=precision, EASEL_DATA_DIR=data_dir)
    subprocess.run([easel, "generate", "--model", model, "--prompt", run["prompt"], "--negative", run["negative"],
                    "--sampler", run["sampler"], "--schedule", run["schedule"], "--steps", str(run["steps"]),
                    "--cfg", str(run["cfg"]), "--seed", str(run["seed"]), "--width", str(run["width"]),
                    "--height", str(run["height"]), "--clip-skip", str(run["clip_skip"]), "--output", out],
                   check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return np.asarray(Image.open(out).convert("RGB"), dtype=np.int16)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--easel", required=True)
    p.add_argument("--fixtures", default=os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "fixtures"))
    p.add_argument("--model", default="tiny-sd15.safetensors")
    args = p.parse_args()
    reference_dir = os.path.join(args.fixtures, "tiny-sd15-reference")
    with open(os.path.join(reference_dir, "manifest.json")) as f:
        runs = json.load(f)["runs"]
    model = os.path.join(args.fixtures, args.model)
    print(f"model {args.model}; differences in 8-bit levels (max / mean over all pixels and channels)")
    print("| run | fp32 vs reference | bf16 vs reference | bf16 vs fp32 |")
    print("|---|---|---|---|")
    worst_mean = 0.0
    with tempfile.TemporaryDirectory() as scratch:
        os.symlink(os.path.abspath(os.path.join(args.fixtures, "clip-tokenizer")), os.path.join(scratch, "clip"))
        for run in runs:
            reference = np.asarray(Image.open(os.path.join(reference_dir, run["png"])).convert("RGB"), dtype=np.int16)
            images = {prec: render(args.easel, model, run, prec, os.path.join(scratch, f"{prec}.png"), scratch)
                      for prec in ("fp32", "bf16")}
            cells = []
            for a, b in [(images["fp32"], reference), (images["bf16"], reference), (images["bf16"], images["fp32"])]:
                d = np.abs(a - b)
                cells.append(f"{d.max()} / {d.mean():.2f}")
            worst_mean = max(worst_mean, float(np.abs(images["bf16"] - images["fp32"]).mean()))
            print(f"| {run['png'].removesuffix('.png')} | " + " | ".join(cells) + " |", flush=True)
    print(f"largest mean difference bf16 vs fp32: {worst_mean:.2f} levels")


if __name__ == "__main__":
    main()
