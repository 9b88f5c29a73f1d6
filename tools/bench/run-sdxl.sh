#!/usr/bin/env bash
# The SDXL side-by-side benchmark (issue 12): Easel against PyTorch on an SDXL base-shaped
# checkpoint with random fp16 weights, one worker at a time (see sdxl_compare.py). Usage:
#   tools/bench/run-sdxl.sh [--runs N] [--only clip2,vae1024,unet96,unet128] [--precisions bf16,fp32]
# Creates tools/bench/out/sdxl-random-fp16.safetensors (6.9 GB, never committed) and
# sdxl-inputs.safetensors on first use, with tools/.venv-demo (tools/demo-model/setup-venv.sh);
# builds easel-bench in release mode for this CPU. Needs about 15 GB of free memory for the
# fp32 UNet rows (each side alone); the smaller rows need under 6 GB.
set -euo pipefail
cd "$(dirname "$0")/../.."
python=tools/.venv-demo/bin/python
out=tools/bench/out
[ -x "$python" ] || bash tools/demo-model/setup-venv.sh
swift build -c release --product easel-bench -Xswiftc -target-cpu -Xswiftc native >&2
if [ ! -f "$out/sdxl-random-fp16.safetensors" ] || [ ! -f "$out/sdxl-inputs.safetensors" ]; then
  "$python" tools/bench/make_sdxl_checkpoint.py --out "$out" --check
fi
exec "$python" tools/bench/sdxl_compare.py --easel-bench .build/release/easel-bench --python "$python" \
  --checkpoint "$out/sdxl-random-fp16.safetensors" --inputs "$out/sdxl-inputs.safetensors" "$@"
