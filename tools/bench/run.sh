#!/usr/bin/env bash
# The side-by-side benchmark: Easel against PyTorch on one SD 1.5-architecture checkpoint with
# random weights, timed alternately in one run. Usage:
#   tools/bench/run.sh [--runs N] [--only clip,unet64,unet32,vae] [--precisions fp32,bf16]
#                      [--baseline-bench PATH/TO/OTHER/easel-bench]
# Uses the demo-model tooling's Python environment (tools/.venv-demo: PyTorch, diffusers,
# transformers; created by tools/demo-model/setup-venv.sh when missing) and creates
# tools/bench/out/ (the 2 GiB fp16 checkpoint and the inputs) on first use; builds easel-bench
# in release mode for this CPU.
# OPENBLAS_CORETYPE, when set, is passed on as it is (see BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
python=tools/.venv-demo/bin/python
out=tools/bench/out
[ -x "$python" ] || bash tools/demo-model/setup-venv.sh
swift build -c release --product easel-bench -Xswiftc -target-cpu -Xswiftc native >&2
if [ ! -f "$out/sd15-random-fp16.safetensors" ] || [ ! -f "$out/inputs.safetensors" ]; then
  "$python" tools/bench/make_checkpoint.py --out "$out"
fi
exec "$python" tools/bench/compare.py --easel-bench .build/release/easel-bench --python "$python" \
  --checkpoint "$out/sd15-random-fp16.safetensors" --inputs "$out/inputs.safetensors" "$@"
