"""PyTorch's side of the few-step benchmark: the same work as `easel-bench --few-step` with
diffusers' modules on the benchmark checkpoint. 4 LCM steps at CFG 1 (the conditional pass
only), ComfyUI's LCM model sampling (50-entry table, boundary scalings, `sample_lcm`,
sgm_uniform), then the full VAE decode or, with --taesd, diffusers' `AutoencoderTiny` decode
(which also draws the preview after the first step). Prints the total and the first-preview
latency (job start to the first step's preview in hand).

    tools/.venv-demo/bin/python tools/bench/torch_lcm.py --checkpoint F --inputs F [--taesd F]
"""
import argparse
import time

import torch
from diffusers import AutoencoderTiny
from safetensors.torch import load_file

import sd15


def lcm_table(acp):
    """ComfyUI ModelSamplingDiscreteDistilled: sigmas of timesteps 19, 39, …, 999."""
    a = acp[19::20]
    return ((1 - a) / a) ** 0.5


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--checkpoint", required=True)
    p.add_argument("--inputs", required=True)
    p.add_argument("--taesd")
    p.add_argument("--steps", type=int, default=4)
    p.add_argument("--size", type=int, default=512)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--runs", type=int, default=2)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    text, unet, vae = (sd15.load_component(args.checkpoint, c) for c in ("text", "unet", "vae"))
    tiny = None
    if args.taesd:
        tiny = AutoencoderTiny(latent_channels=4).eval()
        state = {f"decoder.layers.{int(k.split('.', 1)[0]) - 1}.{k.split('.', 1)[1]}": v.float()
                 for k, v in load_file(args.taesd).items()}
        tiny.load_state_dict(state, strict=False)
    ids = load_file(args.inputs)["clip_ids"][:1]
    table = lcm_table(sd15.alphas_cumprod().double()).float()
    log_table = table.log()
    ts = torch.linspace(999, 19, args.steps + 1)[:-1]
    sig = torch.cat([((1 - (ts - 19) / 20 % 1) * log_table[((ts - 19) / 20).floor().long()]
                      + ((ts - 19) / 20 % 1) * log_table[((ts - 19) / 20).ceil().long()]).exp(), torch.zeros(1)])
    side = args.size // 8
    for run in range(args.runs):
        g = torch.Generator().manual_seed(1)
        with torch.inference_mode():
            t0 = time.perf_counter()
            first_preview = None
            context = text(input_ids=ids).last_hidden_state                   # [1, 77, 768]
            x = torch.randn(1, 4, side, side, generator=g) * sig[0]
            for i in range(args.steps):
                s = sig[i]
                t = (log_table - s.log()).abs().argmin() * 20 + 19
                eps = unet(x / (s ** 2 + 1) ** 0.5, t.float().reshape(1), context).sample
                T = 10.0 * t.float()
                c_skip, c_out = 0.25 / (T ** 2 + 0.25), T / (T ** 2 + 0.25) ** 0.5
                denoised = c_out * (x - eps * s) + c_skip * x
                if first_preview is None:
                    if tiny is not None:
                        tiny.decode(denoised)
                    first_preview = time.perf_counter() - t0
                x = denoised + sig[i + 1] * torch.randn(x.shape, generator=g) if sig[i + 1] > 0 else denoised
            image = tiny.decode(x).sample if tiny is not None else vae.decode(x / 0.18215).sample
            total = time.perf_counter() - t0
        decoder = "TAESD" if tiny is not None else "VAE"
        print(f"torch run {run + 1}, {args.size}×{args.size}, {args.steps} LCM steps, CFG 1, {decoder} decode: "
              f"{total:.2f} s in all; first preview at {first_preview:.2f} s; image {tuple(image.shape)}")


if __name__ == "__main__":
    main()
