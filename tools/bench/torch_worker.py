"""PyTorch side of the side-by-side benchmark: loads one network of the benchmark checkpoint
through diffusers' single-file converters and answers commands on stdin, one per line
(the protocol `easel-bench --serve` speaks too):

    run ROW           time one evaluation        → "time SECONDS"
    dump ROW PATH     write the output, raw little-endian fp32 → "ok"
    rss               peak resident memory (VmHWM) → "rss BYTES"
    quit

ROW is clip, unet64, unet32 or vae; with `--family sdxl` (the SDXL checkpoint of
make_sdxl_checkpoint.py) clip2 (CLIP-L and bigG: both penultimate hidden states and bigG's pooled
projection), unet128, unet96 (with the pooled vector and size ids) or vae1024. `--precision bf16` runs under `torch.autocast("cpu",
dtype=torch.bfloat16)` (weights stay fp32; autocast casts them per operation), as ComfyUI's
and A1111's CPU bf16 options do.
"""
import argparse
import sys
import time

import torch
from safetensors.torch import load_file

import sd15

COMPONENT = {"clip": "text", "unet64": "unet", "unet32": "unet", "vae": "vae",
             "clip2": "text", "unet128": "unet", "unet96": "unet", "vae1024": "vae"}


def vmhwm():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--checkpoint", required=True)
    p.add_argument("--inputs", required=True)
    p.add_argument("--component", required=True, choices=["unet", "vae", "text"])
    p.add_argument("--precision", default="fp32", choices=["fp32", "bf16"])
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--family", default="sd15", choices=["sd15", "sdxl"])
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    start = time.perf_counter()
    if args.family == "sdxl":
        import sdxl
        if args.component == "text":
            model = (sdxl.load_component(args.checkpoint, "clip_l"), sdxl.load_component(args.checkpoint, "big_g"))
        else:
            model = sdxl.load_component(args.checkpoint, args.component)
    else:
        model = sd15.load_component(args.checkpoint, args.component)
    inputs = load_file(args.inputs)

    def forward(row):
        if row == "clip2":
            l = model[0](input_ids=inputs["clip_ids"], output_hidden_states=True).hidden_states[-2]
            g = model[1](input_ids=inputs["clip_ids"], output_hidden_states=True)
            return torch.cat([l.flatten(), g.hidden_states[-2].flatten(), g.text_embeds.flatten()])
        if row in ("unet128", "unet96"):
            cond = {"text_embeds": inputs["pooled"], "time_ids": inputs["time_ids"]}
            return model(inputs[row + "_x"], inputs["timesteps"], inputs["context"], added_cond_kwargs=cond).sample
        if row == "vae1024":
            return model.decode(inputs["vae_latent"]).sample
        if row == "clip":
            return model(input_ids=inputs["clip_ids"]).last_hidden_state
        if row in ("unet64", "unet32"):
            return model(inputs[row + "_x"], inputs["timesteps"], inputs["context"]).sample
        return model.decode(inputs["vae_latent"]).sample

    def evaluate(row):
        with torch.inference_mode():
            if args.precision == "bf16":
                with torch.autocast("cpu", dtype=torch.bfloat16):
                    return forward(row).float()
            return forward(row)

    print(f"ready {time.perf_counter() - start:.1f} torch {torch.__version__} threads {torch.get_num_threads()} "
          f"isa {torch.backends.cpu.get_cpu_capability()}", flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "quit":
            break
        if words[0] == "rss":
            print(f"rss {vmhwm()}", flush=True)
            continue
        if COMPONENT.get(words[1]) != args.component:
            print(f"error: row {words[1]} is not a {args.component} row", flush=True)
            continue
        if words[0] == "run":
            t0 = time.perf_counter()
            evaluate(words[1])
            print(f"time {time.perf_counter() - t0:.6f}", flush=True)
        elif words[0] == "dump":
            out = evaluate(words[1]).detach().float().contiguous().numpy()
            out.astype("<f4").tofile(words[2])
            print("ok", flush=True)


if __name__ == "__main__":
    main()
