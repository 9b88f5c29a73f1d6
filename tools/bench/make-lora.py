#!/usr/bin/env python3
"""Writes a random kohya LoRA (LDM module names, fp16, rank R, alpha R/2) that adapts every
attention projection (attn1/attn2 to_q, to_k, to_v, to_out.0) of an SD 1.x single-file
checkpoint, with shapes read from the checkpoint's header only. For the LoRA switching
benchmark (`easel-bench --lora-switch`, BENCHMARKS.md).

    python3 tools/bench/make-lora.py CHECKPOINT.safetensors OUT.safetensors [--rank 32]
"""
import argparse, json, re, struct

import numpy as np

p = argparse.ArgumentParser()
p.add_argument("checkpoint")
p.add_argument("out")
p.add_argument("--rank", type=int, default=32)
a = p.parse_args()

with open(a.checkpoint, "rb") as f:
    header = json.loads(f.read(struct.unpack("<Q", f.read(8))[0]))
prefix = "model.diffusion_model."
pattern = re.compile(r"\.attn[12]\.(to_q|to_k|to_v|to_out\.0)\.weight$")
rng = np.random.default_rng(0)
tensors = {}
for key, entry in sorted(header.items()):
    if key == "__metadata__" or not key.startswith(prefix) or not pattern.search(key):
        continue
    out_f, in_f = entry["shape"]
    module = "lora_unet_" + key[len(prefix):-len(".weight")].replace(".", "_")
    tensors[module + ".lora_down.weight"] = (rng.standard_normal((a.rank, in_f)) * 0.01).astype(np.float16)
    tensors[module + ".lora_up.weight"] = (rng.standard_normal((out_f, a.rank)) * 0.01).astype(np.float16)
    tensors[module + ".alpha"] = np.array(a.rank / 2, dtype=np.float16)

meta, blobs, offset = {"__metadata__": {"ss_network_dim": str(a.rank), "ss_base_model_version": "sd_v1"}}, [], 0
for name, t in tensors.items():
    raw = t.tobytes()
    meta[name] = {"dtype": "F16", "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
    blobs.append(raw)
    offset += len(raw)
text = json.dumps(meta).encode()
text += b" " * (-len(text) % 8)
with open(a.out, "wb") as f:
    f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))
print(f"{a.out}: {len(tensors) // 3} modules, rank {a.rank}, {offset / 2**20:.1f} MiB")
