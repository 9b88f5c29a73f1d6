#!/usr/bin/env bash
# The workbench driving a real ComfyUI (../shared/tools/comfyui-server, on the CPU) under
# tmux-drive, each drive bounded by `timeout 600`:
#   comfyui-workbench-render  the model list comes from the server, a render runs with the
#                             server's progress to the end;
#   comfyui-quit-mid-render   Ctrl-Q mid-render quits at once, and (comfyui-interrupt-on-server)
#                             the prompt is stopped on the server: its /history records
#                             execution_interrupted, its queue is empty;
#   engine-picker-switch      local → comfy → local: the model list changes with the engine
#                             and the local model comes back;
#   engine-picker-down        a switch to a server that is down leaves one line and the
#                             workbench rendering on local;
#   family-correction         the guessed family is said, Shift-F4 corrects it to FLUX and the
#                             dialect follows;
#   sdserver-switch-render    against stable-diffusion.cpp's sd-server (../shared/tools/sd-server,
#                             A1111 API): local → sd with the engine picker, its one model is
#                             loaded and the render that follows finishes on it, and the
#                             LoRA browser lists the server's LoRAs (sd-server
#                             reports no steps: the bar stays at 0/2, then "done").
# Usage: tests/remote/workbench.sh PATH/TO/easel. Needs the random SD 1.5-shape checkpoint
# (written by easel-bench beside easel when missing) and the shared tiny SD 1.5 fixture
# (local engine). Prints "ok NAME" / "FAIL NAME"; exits 1 on a failure. REMOTE_ONLY="NAME ..."
# runs only the scenarios named (and starts only the servers they need). A ComfyUI install or
# sd-server build failure (exit 4) skips that server's scenarios, loudly.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
easel=${1:?usage: tests/remote/workbench.sh PATH/TO/easel}
tools=${EASEL_SHARED_TOOLS:-$root/../shared/tools}
cache=${EASEL_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/easel-test}
models=$cache/easel/models
[ -f "$models/easel-sd15-random-fp16.safetensors" ] || {
  mkdir -p "$models"; "$(dirname "$easel")/easel-bench" --write-checkpoint "$models/easel-sd15-random-fp16.safetensors" || exit 1; }
work=$(mktemp -d)
port='' sdport=''
trap '[ -z "$port" ] || "$tools/comfyui-server" stop --port "$port" >/dev/null 2>&1
      [ -z "$sdport" ] || "$tools/sd-server" stop --port "$sdport" >/dev/null 2>&1; rm -rf "$work"' EXIT
fixtures=${EASEL_FIXTURES:-$root/../shared/fixtures}
tiny="$fixtures/tiny-sd15.safetensors"
[ -f "$tiny" ] || { echo "FAIL workbench.sh: $tiny not found (set EASEL_FIXTURES)"; exit 1; }
# png FILE PARAMETERS: an 8×8 grey PNG whose A1111 parameters start the workbench.
png() {
  python3 - "$1" "$2" <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
raw = b"".join(b"\x00" + b"\x80" * 24 for _ in range(8))
with open(sys.argv[1], "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
            + chunk(b"tEXt", b"parameters\x00" + sys.argv[2].encode()) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
}
# small.png: 64×64, 2 steps (seconds on the CPU); slow.png: 150 steps at 256×256, a render
# still running when the workbench quits.
png "$work/small.png" $'a lighthouse\nSteps: 2, Sampler: Euler a, CFG scale: 7, Seed: 7, Size: 64x64'
png "$work/slow.png" $'a lighthouse\nSteps: 150, Sampler: Euler a, CFG scale: 7, Seed: 7, Size: 256x256'
failures=0
comfy_scenarios="comfyui-workbench-render comfyui-quit-mid-render engine-picker-switch engine-picker-down family-correction"
# drive NAME EASEL_ARGS... <SCRIPT: one tmux-drive run at 120×36, bounded by `timeout 600`.
# REMOTE_ONLY="NAME ..." runs only the scenarios named.
wanted() { [ -z "${REMOTE_ONLY:-}" ] || [[ " $REMOTE_ONLY " == *" $1 "* ]]; }
drive() {
  local name=$1; shift
  wanted "$name" || { cat >/dev/null; return 0; }
  if EASEL_ENGINES="${ENGINES_FILE:-$work/engines.json}" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
      timeout 600 "$tools/tmux-drive" --cols 120 --rows 36 - -- "$easel" --output "$work/out" "$@" >"$work/$name.log" 2>&1
  then echo "ok $name"; else echo "FAIL $name"; cat "$work/$name.log"; failures=$((failures + 1)); fi
}
fail() { echo "FAIL $1: $2"; failures=$((failures + 1)); }
any_wanted() { local n; for n in "$@"; do wanted "$n" && return 0; done; return 1; }

# sd-server (A1111 API, no progress, no interrupt): the engine picker switches to it from the
# local engine, its model is loaded, and a render finishes there.
if wanted sdserver-switch-render; then
  # A LoRA folder for the server (listed by /sdapi/v1/loras; the renders do not use it).
  mkdir -p "$work/sd-loras" && cp "$fixtures/tiny-sd15-adapters/loras/tinylora-ldm.safetensors" "$work/sd-loras/"
  "$tools/sd-server" build >"$work/sd-build.log" 2>&1; status=$?
  if [ $status -eq 4 ]; then echo "*** SKIPPING sdserver-switch-render: sd-server build failed (exit 4) ***"; tail -n 20 "$work/sd-build.log"
  elif [ $status -ne 0 ]; then fail sdserver-switch-render "sd-server build exited $status"
  elif ! sdurl=$("$tools/sd-server" start --port 0 --model "$models/easel-sd15-random-fp16.safetensors" -- -t 2 \
         --lora-model-dir "$work/sd-loras" </dev/null 2>"$work/sd-start.log" | tail -n 1); then
    fail sdserver-switch-render "sd-server start: $(tail -n 5 "$work/sd-start.log")"
  else
    sdport=${sdurl##*:}
    printf '{"engines": [{"name": "sd", "kind": "a1111", "url": "%s", "timeout": 300}]}\n' "$sdurl" >"$work/engines-sd.json"
    ENGINES_FILE="$work/engines-sd.json" drive sdserver-switch-render --model "$tiny" "$work/small.png" <<'DRIVE'
expect done 300
send M-e
expect sd — a1111 at 10
send Down Enter
expect Engine sd: 1 model 60
# The model loaded, a render starts there by itself: sd-server reports no steps, so the bar
# stays at 0/2 until the image comes back, and then says done.
expect step 0/2 60
expect ✓ done · 2 steps 120
expect Parameters · on sd 5
expect Preview · final 5
snap
# The LoRA browser lists the server's /sdapi/v1/loras (read off the UI thread), not the folders here.
send F10
expect LoRAs \(1\) and embeddings \(0\) 30
expect tinylora-ldm\.safetensors 5
expect LoRA · family unknown · on sd 5
send Escape
expect type to fill in 10
send C-q
exited 0 15
DRIVE
    "$tools/sd-server" stop --port "$sdport" >/dev/null 2>&1; sdport=''
  fi
fi

any_wanted $comfy_scenarios || { [ $failures -eq 0 ]; exit; }
"$tools/comfyui-server" install; status=$?
if [ $status -eq 4 ]; then echo "*** SKIPPING the ComfyUI workbench scenarios: comfyui-server install failed (exit 4) ***"; [ $failures -eq 0 ]; exit; fi
[ $status -eq 0 ] || exit 1
url=$("$tools/comfyui-server" start --port 0 --models "$models" </dev/null 2>/dev/null | tail -n 1) || { echo "FAIL comfyui-server start"; exit 1; }
port=${url##*:}
# Port 9 (discard) has nothing listening: the engine that is down.
printf '{"engines": [{"name": "comfy", "kind": "comfyui", "url": "%s", "timeout": 900},\n  {"name": "down", "kind": "comfyui", "url": "http://127.0.0.1:9"}]}\n' \
  "$url" >"$work/engines.json"

# interrupted: the ids of the prompts whose /history status records execution_interrupted.
interrupted() {
  python3 - "$url" <<'PY'
import json, sys, urllib.request
history = json.load(urllib.request.urlopen(sys.argv[1] + "/history", timeout=10))
for pid, item in history.items():
    if any(m[0] == "execution_interrupted" for m in item.get("status", {}).get("messages", [])):
        print(pid)
PY
}

drive comfyui-workbench-render --engine comfy "$work/small.png" <<'DRIVE'
expect easel-sd15-random-fp16 30
expect step [0-9]+/2 300
expect done 300
snap
send C-q
exited 0 10
DRIVE

# Ctrl-Q while ComfyUI renders: the workbench exits at once, and the server is told to stop
# this prompt (POST /interrupt with its id), which its history then records.
before=$(interrupted)
drive comfyui-quit-mid-render --engine comfy "$work/slow.png" <<'DRIVE'
expect step [0-9]+/150 300
send C-q
exited 0 15
DRIVE
found=""
wanted comfyui-quit-mid-render && for _ in $(seq 1 120); do
  found=$(comm -13 <(echo "$before" | sort) <(interrupted | sort))
  [ -n "$found" ] && break
  sleep 1
done
if ! wanted comfyui-quit-mid-render; then :
elif [ -z "$found" ]; then fail comfyui-interrupt-on-server "no prompt interrupted on the server within 120 s"
elif ! python3 - "$url" <<'PY'
import json, sys, urllib.request
queue = json.load(urllib.request.urlopen(sys.argv[1] + "/queue", timeout=10))
sys.exit(1 if queue["queue_running"] or queue["queue_pending"] else 0)
PY
then fail comfyui-interrupt-on-server "the server's queue is not empty after the interrupt"
else echo "ok comfyui-interrupt-on-server (history: prompt $found interrupted)"; fi

# local → comfy → local with the engine picker (Alt-E; Ctrl-G below): the model picker lists the server's
# model, then the local folder's again, and the local model is loaded back.
drive engine-picker-switch --model "$tiny" "$work/small.png" <<DRIVE
expect tiny-sd15 60
expect done 300
send M-e
expect comfy — comfyui at 10
send Down Enter
expect Engine comfy: 1 model|Guessed family SD 1\.x 60
expect Model +‹ easel-sd15-random-fp16 60
send Tab Down Enter
expect easel-sd15-random-fp16\.safetensors 10
snap $work/picker-comfy.txt
send Escape
# (a pause, so Esc and the next key are not read as one Alt sequence)
wait 1
send M-e
expect comfy \(now\) 10
send Up Enter
expect Engine local: 60
expect tiny-sd15 60
send Enter
expect tiny-sd15\.safetensors 10
snap $work/picker-local.txt
send Escape
wait 1
send F5
expect done 300
send C-q
exited 0 15
DRIVE
if [ -f "$work/picker-local.txt" ] && grep -q 'easel-sd15-random-fp16\.safetensors' "$work/picker-local.txt"; then
  fail engine-picker-switch "the local model picker still lists the server's model"
fi
if [ -f "$work/picker-comfy.txt" ] && grep -q 'tiny-sd15\.safetensors' "$work/picker-comfy.txt"; then
  fail engine-picker-switch "the server's model picker lists the local model"
fi

# A server that is down: one line, and the workbench renders on as before.
drive engine-picker-down --model "$tiny" "$work/small.png" <<'DRIVE'
expect done 300
send C-g
expect down — comfyui at 10
send End Enter
expect Still on local · down: server unreachable at http://127\.0\.0\.1:9 60
send F5
expect done 300
send C-q
exited 0 15
DRIVE

# The server's model is guessed SD 1.x from its name; Shift-F4 corrects it to FLUX, and the
# dialect follows (the offer of FLUX's settings is declined, so the render stays 64×64).
drive family-correction --engine comfy "$work/small.png" <<'DRIVE'
expect Guessed family SD 1\.x from the name 'easel-sd15-random-fp16' 60
send S-F4
expect Family of easel-sd15 10
send End Enter
expect Use FLUX 10
send n
expect Family FLUX set by hand 10
expect flux 10
snap
send C-q
exited 0 15
DRIVE
[ $failures -eq 0 ]
