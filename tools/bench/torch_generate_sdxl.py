"""PyTorch's side of the SDXL generation comparison: one 1024×1024 txt2img from the SDXL benchmark
checkpoint the way diffusers runs it on a CPU (both text encoders on the prompt and the
negative, Euler steps with classifier-free guidance as one batch of 2, the VAE decode in fp32
as diffusers' `force_upcast` does), then its times, CPU seconds and peak resident memory
(VmHWM). Same work as `easel-bench --generate --size 1024`.

    tools/.venv-demo/bin/python tools/bench/torch_generate_sdxl.py --checkpoint F --inputs F [--weights bf16] [--steps 20]

`--weights bf16` holds the UNet and text encoders in bf16 (`module.to(torch.bfloat16)`, what a
diffusers user passes as `torch_dtype=torch.bfloat16`); fp32 weights (the default) hold about
13 GB, and autocast keeps them.
"""
import argparse
import resource
import time

import torch
from safetensors.torch import load_file

import sd15
import sdxl
from torch_worker import vmhwm


def cpu_seconds():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--checkpoint", required=True)
    p.add_argument("--inputs", required=True)
    p.add_argument("--weights", default="fp32", choices=["fp32", "bf16"])
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--size", type=int, default=1024)
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    start = time.perf_counter()
    clip_l, big_g, unet, vae = (sdxl.load_component(args.checkpoint, c) for c in ("clip_l", "big_g", "unet", "vae"))
    dtype = torch.bfloat16 if args.weights == "bf16" else torch.float32
    for m in (clip_l, big_g, unet):
        m.to(dtype)
    inputs = load_file(args.inputs)
    ids = inputs["clip_ids"]
    loaded = time.perf_counter() - start
    side = args.size // 8
    g = torch.Generator().manual_seed(1)
    acp = sd15.alphas_cumprod().double()           # SDXL keeps SD's scaled-linear schedule
    sigmas = (((1 - acp) / acp) ** 0.5)
    ts = torch.linspace(999, 0, args.steps).round().long()
    sig = torch.cat([sigmas[ts], torch.zeros(1, dtype=torch.float64)]).float()
    steps = []
    cpu0 = cpu_seconds()
    with torch.inference_mode():
        t0 = time.perf_counter()
        l = clip_l(input_ids=ids, output_hidden_states=True).hidden_states[-2]      # [2, 77, 768]: cond, uncond
        out = big_g(input_ids=ids, output_hidden_states=True)
        context = torch.cat([l, out.hidden_states[-2]], dim=-1)                     # [2, 77, 2048]
        time_ids = torch.tensor([[args.size, args.size, 0, 0, args.size, args.size]] * 2, dtype=dtype)
        cond = {"text_embeds": out.text_embeds, "time_ids": time_ids}
        x = torch.randn(1, 4, side, side, generator=g) * sig[0]
        for i in range(args.steps):
            c_in = 1 / (sig[i] ** 2 + 1) ** 0.5
            xin = (torch.cat([x, x]) * c_in).to(dtype)
            eps = unet(xin, ts[i].float().repeat(2).to(dtype), context, added_cond_kwargs=cond).sample.float()
            c, u = eps.chunk(2)
            eps = u + (c - u) * 7.0
            x = x + eps * (sig[i + 1] - sig[i])                                      # Euler: d = eps, dt = Δσ
            steps.append(time.perf_counter() - t0)
        image = vae.decode(x / 0.13025).sample
        total = time.perf_counter() - t0
    cpu = cpu_seconds() - cpu0
    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    print(f"torch {args.weights} weights: loaded in {loaded:.1f} s; {args.size}×{args.size}, {args.steps} steps: "
          f"{total:.1f} s in all, {cpu:.1f} CPU s (steps end at {', '.join(f'{s:.1f}' for s in steps)} s); "
          f"first preview (text + step 1) at {steps[0]:.1f} s; image {tuple(image.shape)}; load average {load}")
    print(f"peak RSS (VmHWM): {vmhwm() / 2**30:.2f} GiB")


if __name__ == "__main__":
    main()
