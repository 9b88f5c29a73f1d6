#!/usr/bin/env bash
# Creates tools/.venv-demo, the Python environment of the demo-model tooling (training, export,
# samples). It is never needed to build or run Easel. PyPI only; a CPU-only torch wheel is used
# when pip can find one (e.g. in a local --find-links folder), else PyPI's default torch (CUDA
# build, a few GB, works on CPU too).
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=tools/.venv-demo
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
pip=("$venv/bin/python" -m pip install --quiet)
if "${pip[@]}" "torch==2.13.0+cpu" 2>/dev/null; then
  echo "setup-venv: CPU-only torch installed" >&2
else
  echo "setup-venv: no CPU-only torch wheel found; installing PyPI's default torch" >&2
  "${pip[@]}" "torch==2.13.0"
fi
# The versions that trained models/demo/easel-demo.safetensors (Pillow and numpy draw the data).
"${pip[@]}" diffusers==0.42.1 transformers==5.24.0 safetensors==0.8.0 pillow==13.0.0 numpy==2.4.6 matplotlib==3.11.2
"$venv/bin/python" -c "import torch, diffusers, transformers; print('setup-venv: torch', torch.__version__, '| diffusers', diffusers.__version__, '| transformers', transformers.__version__)"
