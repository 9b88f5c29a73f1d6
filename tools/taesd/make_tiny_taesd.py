"""Makes the TAESD fixture for Easel's tests with diffusers' own `AutoencoderTiny`.

A random-weight `AutoencoderTiny` (torch.manual_seed(2024), weights rounded to fp16) with
narrow decoder widths (16 per stage instead of TAESD's 64, the same 3-3-3-1 blocks, so the
same layer sequence), its decoder saved in the layout of madebyollin's published
`taesd_decoder.safetensors` (`1.weight`, `3.conv.0.weight`, …: diffusers' `decoder.layers.N`
is `N + 1`, index 0 being TAESD's Clamp), plus a latent and diffusers' decode of it.

Run: tools/.venv-demo/bin/python tools/taesd/make_tiny_taesd.py
Writes Tests/DiffusionTests/Fixtures/tiny-taesd_decoder.safetensors (the decoder, ~70 KB) and
Tests/DiffusionTests/Fixtures/tiny-taesd-reference.safetensors (`latent` [1,4,8,8] in the
UNet's scaled space, `decoded` = `AutoencoderTiny.decode(latent).sample`, in [-1, 1]).
"""
import os
import torch
from safetensors.torch import save_file
from diffusers import AutoencoderTiny

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "DiffusionTests", "Fixtures")

torch.manual_seed(2024)
torch.set_grad_enabled(False)
model = AutoencoderTiny(encoder_block_out_channels=(16, 16, 16, 16), decoder_block_out_channels=(16, 16, 16, 16),
                        latent_channels=4).eval()
for p in model.parameters():
    p.copy_(p.half().float())
decoder = {}
for name, tensor in model.decoder.state_dict().items():
    assert name.startswith("layers."), name
    index, rest = name[len("layers."):].split(".", 1)
    decoder[f"{int(index) + 1}.{rest}"] = tensor.half().contiguous()
latent = torch.randn(1, 4, 8, 8, generator=torch.Generator().manual_seed(7)) * 2
decoded = model.decode(latent).sample
os.makedirs(OUT, exist_ok=True)
save_file(decoder, os.path.join(OUT, "tiny-taesd_decoder.safetensors"))
save_file({"latent": latent.contiguous(), "decoded": decoded.float().contiguous()},
          os.path.join(OUT, "tiny-taesd-reference.safetensors"),
          metadata={"made_with": f"torch {torch.__version__}, diffusers AutoencoderTiny (tools/taesd/make_tiny_taesd.py)"})
print(sorted(decoder)[:8], decoded.shape, float(decoded.min()), float(decoded.max()))
