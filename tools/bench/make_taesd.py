"""A random-weight TAESD decoder at the real size (64-wide stages, diffusers' `AutoencoderTiny`
defaults) in the published `taesd_decoder.safetensors` layout, for the few-step benchmark:
tools/bench/out/taesd_decoder.safetensors (fp16, about 2.4 MB; not committed).

    tools/.venv-demo/bin/python tools/bench/make_taesd.py [--out tools/bench/out]
"""
import argparse
import os

import torch
from diffusers import AutoencoderTiny
from safetensors.torch import save_file

p = argparse.ArgumentParser()
p.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out"))
args = p.parse_args()
torch.manual_seed(2024)
model = AutoencoderTiny(latent_channels=4).eval()
decoder = {}
for name, tensor in model.decoder.state_dict().items():
    index, rest = name[len("layers."):].split(".", 1)
    decoder[f"{int(index) + 1}.{rest}"] = tensor.half().contiguous()
os.makedirs(args.out, exist_ok=True)
save_file(decoder, os.path.join(args.out, "taesd_decoder.safetensors"))
print(os.path.join(args.out, "taesd_decoder.safetensors"))
