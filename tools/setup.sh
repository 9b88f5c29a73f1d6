#!/usr/bin/env bash
# Installs what Easel needs on Debian 12, once: system -dev packages and CLIP's BPE vocabulary.
# Safe to run again: each step is skipped when its result is already present.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*" >&2; }

# 1. The Swift toolchain is assumed present (this machine kind ships it in /opt/swift).
if ! command -v swift >/dev/null 2>&1; then
  if [ -x /opt/swift/usr/bin/swift ]; then export PATH="/opt/swift/usr/bin:$PATH"
  else say "swift is not on PATH; install Swift 6 from swift.org first"; exit 1; fi
fi

# 2. System libraries from Debian: OpenBLAS (GEMM), ncursesw (UI), chafa (terminal graphics), libpng,
#    libturbojpeg (ComfyUI's live previews are JPEG).
packages=(pkg-config libopenblas-dev libncurses-dev libchafa-dev libglib2.0-dev libpng-dev libturbojpeg0-dev)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 3. CLIP's BPE vocabulary (not ours to commit): taken from the open-clip-torch wheel on PyPI.
vocab=data/clip/bpe_simple_vocab_16e6.txt
if [ ! -s "$vocab" ]; then
  say "fetching CLIP's BPE vocabulary from the open-clip-torch wheel"
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  python3 -m pip download --quiet --no-deps --dest "$tmp" open-clip-torch >/dev/null
  python3 - "$tmp" "$vocab" <<'PY'
import glob, gzip, os, sys, zipfile
tmp, out = sys.argv[1], sys.argv[2]
wheel = glob.glob(os.path.join(tmp, "open_clip_torch-*.whl"))[0]
with zipfile.ZipFile(wheel) as z:
    data = gzip.decompress(z.read("open_clip/bpe_simple_vocab_16e6.txt.gz"))
os.makedirs(os.path.dirname(out), exist_ok=True)
with open(out + ".tmp", "wb") as f:
    f.write(data)
os.replace(out + ".tmp", out)
PY
fi
say "ready"
