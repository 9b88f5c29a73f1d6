"""Plots a run's loss curves (loss_vae.csv, loss_unet.csv, loss_decoder.csv) to a PNG for MODEL.md.

    tools/.venv-demo/bin/python tools/demo-model/plot.py --run tools/demo-model/runs/main --out models/demo/loss.png
"""
import argparse
import csv
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def read(path, column):
    if not os.path.exists(path):
        return np.array([]), np.array([])
    with open(path) as f:
        rows = list(csv.DictReader(f))
    by_step = {int(r["step"]): float(r[column]) for r in rows}   # a resumed run logs some steps again: keep the last
    steps = sorted(by_step)
    return np.array(steps), np.array([by_step[s] for s in steps])


def smooth(y, n=50):
    if len(y) < n:
        return y
    return np.convolve(y, np.ones(n) / n, mode="valid")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--run", required=True)
    p.add_argument("--out", required=True)
    args = p.parse_args()
    fig, axes = plt.subplots(1, 3, figsize=(15, 4))
    for ax, (name, column, title) in zip(axes, [("loss_vae.csv", "l1", "VAE: L1 reconstruction error"),
                                                ("loss_unet.csv", "mse", "UNet + text encoder: eps MSE"),
                                                ("loss_decoder.csv", "l1", "decoder fine-tune: L1 error")]):
        x, y = read(os.path.join(args.run, name), column)
        if len(y):
            ax.plot(x, y, color="0.8", linewidth=0.6, label="per step")
            ys = smooth(y)
            ax.plot(x[len(x) - len(ys):], ys, color="C0", label="50-step mean")
            ax.set_yscale("log")
            ax.legend()
        ax.set_title(title)
        ax.set_xlabel("step")
        ax.grid(alpha=0.3)
    fig.tight_layout()
    tmp = args.out + ".tmp.png"
    fig.savefig(tmp, dpi=100)
    os.replace(tmp, args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
