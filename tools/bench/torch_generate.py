"""PyTorch's side of the generation-memory comparison: one 512×512 txt2img from the benchmark
checkpoint the way diffusers/ComfyUI run it on a CPU (text encoder on the prompt and the empty
negative, Euler steps with classifier-free guidance as one batch of 2, VAE decode), then the
process's peak resident memory (VmHWM). Same work as `easel-bench --generate`.

    tools/.venv-demo/bin/python tools/bench/torch_generate.py --checkpoint F --inputs F [--precision bf16]
"""
import argparse
import time

import torch
from safetensors.torch import load_file

import sd15
from torch_worker import vmhwm


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--checkpoint", required=True)
    p.add_argument("--inputs", required=True)
    p.add_argument("--precision", default="fp32", choices=["fp32", "bf16"])
    p.add_argument("--steps", type=int, default=2)
    p.add_argument("--size", type=int, default=512)
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    start = time.perf_counter()
    text, unet, vae = (sd15.load_component(args.checkpoint, c) for c in ("text", "unet", "vae"))
    ids = load_file(args.inputs)["clip_ids"]
    loaded = time.perf_counter() - start
    side = args.size // 8
    g = torch.Generator().manual_seed(1)
    acp = sd15.alphas_cumprod().double()
    sigmas = (((1 - acp) / acp) ** 0.5)
    ts = torch.linspace(999, 0, args.steps).round().long()
    sig = torch.cat([sigmas[ts], torch.zeros(1, dtype=torch.float64)]).float()
    steps = []
    with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.precision == "bf16"):
        t0 = time.perf_counter()
        context = text(input_ids=ids).last_hidden_state              # [2, 77, 768]: cond, uncond
        x = torch.randn(1, 4, side, side, generator=g) * sig[0]
        for i in range(args.steps):
            c_in = 1 / (sig[i] ** 2 + 1) ** 0.5
            eps = unet(torch.cat([x, x]) * c_in, ts[i].float().repeat(2), context).sample.float()
            cond, uncond = eps.chunk(2)
            eps = uncond + (cond - uncond) * 7.0
            x = x + eps * (sig[i + 1] - sig[i])                        # Euler: d = eps, dt = Δσ
            steps.append(time.perf_counter() - t0)
        image = vae.decode(x / 0.18215).sample
        total = time.perf_counter() - t0
    print(f"torch {args.precision}: loaded in {loaded:.1f} s; {args.size}×{args.size}, {args.steps} steps: "
          f"{total:.1f} s in all (steps end at {', '.join(f'{s:.1f}' for s in steps)} s); image {tuple(image.shape)}")
    print(f"peak RSS (VmHWM): {vmhwm() / 2**30:.2f} GiB")


if __name__ == "__main__":
    main()
