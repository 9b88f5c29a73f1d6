#!/usr/bin/env bash
# The workbench driving a real ComfyUI (../shared/tools/comfyui-server, on the CPU) under
# tmux-drive: the model list comes from the server, a render runs with the server's progress
# to the end. Usage: tests/remote/workbench.sh PATH/TO/easel. Needs the random SD 1.5-shape
# checkpoint that `swift test` (Tests/RemoteEnginesTests) writes into $EASEL_TEST_CACHE.
# Prints "ok NAME" / "FAIL NAME"; exits 1 on a failure. A ComfyUI install failure (exit 4)
# skips, loudly.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
easel=${1:?usage: tests/remote/workbench.sh PATH/TO/easel}
tools=${EASEL_SHARED_TOOLS:-$root/../shared/tools}
cache=${EASEL_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/easel-test}
models=$cache/easel/models
[ -f "$models/easel-sd15-random-fp16.safetensors" ] || {
  mkdir -p "$models"; "$(dirname "$easel")/easel-bench" --write-checkpoint "$models/easel-sd15-random-fp16.safetensors" || exit 1; }
"$tools/comfyui-server" install; status=$?
if [ $status -eq 4 ]; then echo "*** SKIPPING the ComfyUI workbench scenario: comfyui-server install failed (exit 4) ***"; exit 0; fi
[ $status -eq 0 ] || exit 1
url=$("$tools/comfyui-server" start --port 0 --models "$models" </dev/null 2>/dev/null | tail -n 1) || { echo "FAIL comfyui-server start"; exit 1; }
port=${url##*:}
work=$(mktemp -d)
trap '"$tools/comfyui-server" stop --port "$port" >/dev/null 2>&1; rm -rf "$work"' EXIT
printf '{"engines": [{"name": "comfy", "kind": "comfyui", "url": "%s", "timeout": 900}]}\n' "$url" >"$work/engines.json"
# A PNG whose parameters start the workbench small: 64×64, 2 steps.
python3 - "$work/small.png" <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
text = b"parameters\x00a lighthouse\nSteps: 2, Sampler: Euler a, CFG scale: 7, Seed: 7, Size: 64x64"
raw = b"".join(b"\x00" + b"\x80" * 24 for _ in range(8))
with open(sys.argv[1], "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
            + chunk(b"tEXt", text) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
failures=0
if EASEL_ENGINES="$work/engines.json" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" "$tools/tmux-drive" --cols 120 --rows 36 - -- \
    "$easel" --engine comfy --output "$work/out" "$work/small.png" >"$work/drive.log" 2>&1 <<'DRIVE'
expect easel-sd15-random-fp16 30
expect step [0-9]+/2 300
expect done 300
snap
send C-q
exited 0 10
DRIVE
then echo "ok comfyui-workbench-render"; else echo "FAIL comfyui-workbench-render"; cat "$work/drive.log"; failures=$((failures + 1)); fi
[ $failures -eq 0 ]
