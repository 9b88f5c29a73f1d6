"""Attention alone, side by side in one run: Easel's `Attention.multiHead` (`easel-bench --only
attention`) and PyTorch's `F.scaled_dot_product_attention` (its CPU flash-attention kernel) on
the SDXL UNet's shapes at a 96 x 96 latent (batch 2, head size 64, fp32), best of N each.
Usage: tools/.venv-demo/bin/python tools/bench/attention_compare.py [--easel-bench PATH] [--runs N]
"""
import argparse, os, re, subprocess, time

import torch
import torch.nn.functional as F

SHAPES = [(2304, 2304, 640), (2304, 77, 640), (576, 576, 1280), (576, 77, 1280)]  # as AttentionRows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--easel-bench", default=".build/release/easel-bench")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args()
    print(f"load average at start {' '.join(open('/proc/loadavg').read().split()[:3])}", flush=True)
    out = subprocess.run([args.easel_bench, "--only", "attention", "--runs", str(args.runs)],
                         capture_output=True, text=True, check=True).stdout
    easel = {(int(m[1]), int(m[2])): float(m[4]) for m in re.finditer(r"(\d+) → +(\d+) tokens, +(\d+) heads: +([\d.]+) ms", out)}
    torch.set_num_threads(args.threads)
    print("| query → key tokens | heads | Easel ms | PyTorch SDPA ms | ratio |")
    print("|---|---|---|---|---|")
    for tq, tk, c in SHAPES:
        h = c // 64
        q, k, v = torch.randn(2, h, tq, 64), torch.randn(2, h, tk, 64), torch.randn(2, h, tk, 64)
        F.scaled_dot_product_attention(q, k, v)  # warm-up
        best = min(_timed(lambda: F.scaled_dot_product_attention(q, k, v)) for _ in range(args.runs)) * 1e3
        e = easel[(tq, tk)]
        print(f"| {tq} → {tk} | {h} | {e:.1f} | {best:.1f} | {e / best:.2f}× |", flush=True)
    print(f"load average at end {' '.join(open('/proc/loadavg').read().split()[:3])}; torch {torch.__version__}, "
          f"OMP_WAIT_POLICY={os.environ.get('OMP_WAIT_POLICY', '(unset)')}")


def _timed(body):
    start = time.perf_counter()
    body()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
