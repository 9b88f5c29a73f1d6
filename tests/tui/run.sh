#!/usr/bin/env bash
# Scenario tests of the workbench, driven through tmux with ../shared/tools/tmux-drive.
# Usage: tests/tui/run.sh PATH/TO/easel
# Builds nothing. Each scenario runs easel in a private tmux server with its own config folder
# (presets) and output folder; prints "ok NAME" or "FAIL NAME" and exits 1 if any failed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
easel=${1:?usage: tests/tui/run.sh PATH/TO/easel}
easel=$(cd "$(dirname "$easel")" && pwd)/$(basename "$easel")
drive=${TMUX_DRIVE:-$root/../shared/tools/tmux-drive}
[ -x "$easel" ] || { echo "run.sh: $easel is not an executable" >&2; exit 2; }
[ -x "$drive" ] || { echo "run.sh: tmux-drive not found at $drive (set TMUX_DRIVE)" >&2; exit 2; }

work=$(mktemp -d)
# Renders are kept in the history: in the scratch folder, never the user's ~/.local/share.
export XDG_DATA_HOME="$work/data"
trap 'rm -rf "$work"' EXIT
# Rendering scenarios use the tiny SD 1.x model of the shared fixtures (real structure, random
# weights: fast, and the pictures are noise) and start from a PNG whose A1111 parameters set a
# small size: quick.png finishes in well under a second, slow.png keeps the engine busy.
fixtures=${EASEL_FIXTURES:-$root/../shared/fixtures}
model="$fixtures/tiny-sd15.safetensors"
[ -f "$model" ] || { echo "run.sh: $model not found (set EASEL_FIXTURES)" >&2; exit 2; }
# png FILE PARAMETERS [KEY]: an 8×8 grey PNG carrying PARAMETERS as its KEY text chunk
# ("parameters", A1111's, by default; "prompt" is ComfyUI's graph).
png() {
  python3 - "$1" "$2" "${3:-parameters}" <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
raw = b"".join(b"\x00" + b"\x80" * 24 for _ in range(8))
with open(sys.argv[1], "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
            + chunk(b"tEXt", sys.argv[3].encode() + b"\x00" + sys.argv[2].encode("latin-1"))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
}
png "$work/quick.png" $'a lighthouse\nSteps: 8, Sampler: Euler a, CFG scale: 7, Seed: 7, Size: 128x128'
png "$work/medium.png" $'a lighthouse\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 7, Size: 128x128'
png "$work/slow.png" $'a lighthouse\nSteps: 30, Sampler: Euler a, CFG scale: 7, Seed: 7, Size: 256x256'
png "$work/xl.png" $'a lighthouse\nSteps: 6, Sampler: Euler a, CFG scale: 7, Seed: 7, Size: 128x128, Clip skip: 2'
png "$work/lora.png" $'a lighthouse <lora:tinylora-ldm:0.8> <lora:nosuch:1>\nNegative prompt: easynegative\nSteps: 6, Sampler: Euler a, CFG scale: 7, Seed: 7, Size: 64x64'

failures=0
# TUI_ONLY="a b": run only the scenarios named (for debugging one), and only their checks.
selected() { [ -z "${TUI_ONLY:-}" ] || [[ " $TUI_ONLY " == *" $1 "* ]]; }
# scenario NAME COLS ROWS COMMAND...: runs NAME.drive against COMMAND.
scenario() {
  local name=$1 cols=$2 rows=$3; shift 3
  selected "$name" || return 0
  local log="$work/$name.log"
  if "$drive" --cols "$cols" --rows "$rows" "$here/$name.drive" -- "$@" >"$log" 2>&1; then
    echo "ok $name"
  else
    echo "FAIL $name"; sed 's/^/    /' "$log"; failures=$((failures + 1))
  fi
}
# The shell line that reports easel's exit status and the terminal mode afterwards.
report='echo "EXIT=$?"; printf "MODE %s %s\n" "$(stty -a | tr " ;" "\n\n" | grep -xE -- "-?icanon")" "$(stty -a | tr " ;" "\n\n" | grep -xE -- "-?echo")"'

env_for() { echo "XDG_CONFIG_HOME=$work/$1/config"; }

scenario typing 120 36 env "$(env_for typing)" "$easel"
scenario newcomer 120 36 env "$(env_for newcomer)" "$easel"
scenario demo-fit 120 36 env "$(env_for demo-fit)" "$easel" --preset dreamcore-church
scenario cfg 120 36 env "$(env_for cfg)" "$easel" --model "$model" "$work/quick.png"
scenario progress 120 36 env "$(env_for progress)" "$easel" --model "$model" "$work/medium.png"
scenario img2img 120 36 bash -c 'cd "$1" && exec env "$2" "$3" --model "$4" "$5"' sh \
  "$fixtures/tiny-sd15-adapters" "$(env_for img2img)" "$easel" "$model" "$work/quick.png"
scenario sdxl 120 36 env "$(env_for sdxl)" "$easel" --model "$fixtures/tiny-sdxl.safetensors" "$work/xl.png"
# The model library's settings file (issue 14): LoRA and embedding folders for the workbench.
mkdir -p "$work/lora/config/easel"
printf '{"loras": ["%s"], "embeddings": ["%s"]}\n' "$fixtures/tiny-sd15-adapters/loras" "$fixtures/tiny-sd15-adapters/embeddings" \
  >"$work/lora/config/easel/config.json"
scenario lora 120 36 env "$(env_for lora)" XDG_DATA_HOME="$work/lora/data" "$easel" --model "$model" "$work/lora.png"
# The LoRA browser (F10): a LoRA folder with an SD 1.x LoRA and an SDXL one, the fixture
# embeddings; the saved PNG must carry A1111's hashes of the files used (hashlib values, as in
# Tests/LocalEngineTests/AdapterHashesTests).
mkdir -p "$work/lora-browser/config/easel" "$work/lora-browser/loras" "$work/lora-browser/out"
ln -s "$fixtures/tiny-sd15-adapters/loras/tinylora-ldm.safetensors" "$fixtures/tiny-sd15-adapters/bad/sdxl-only.safetensors" \
  "$work/lora-browser/loras/"
printf '{"loras": ["%s"], "embeddings": ["%s"]}\n' "$work/lora-browser/loras" "$fixtures/tiny-sd15-adapters/embeddings" \
  >"$work/lora-browser/config/easel/config.json"
png "$work/lora-browser.png" $'a lighthouse\nSteps: 6, Sampler: Euler a, CFG scale: 7, Seed: 7, Size: 64x64'
scenario lora-browser 120 36 env "$(env_for lora-browser)" XDG_DATA_HOME="$work/lora-browser/data" "$easel" --model "$model" \
  --output "$work/lora-browser/out" "$work/lora-browser.png"
if selected lora-browser; then
  if python3 - "$(find "$work/lora-browser/out" -name "*.png" | head -1)" <<'PY'
import sys, zlib
data = open(sys.argv[1], "rb").read()
pos, text = 8, {}
while pos < len(data):
    n = int.from_bytes(data[pos:pos + 4], "big"); kind = data[pos + 4:pos + 8]; body = data[pos + 8:pos + 8 + n]
    if kind == b"tEXt": k, v = body.split(b"\0", 1); text[k.decode()] = v.decode("latin-1")
    if kind == b"iTXt": k, rest = body.split(b"\0", 1); text[k.decode()] = rest[2:].split(b"\0", 2)[2].decode()
    pos += 12 + n
p = text.get("parameters", "")
ok = 'Lora hashes: "tinylora-ldm: 43e5e985176b"' in p and 'TI hashes: "easynegative: 889c2525e986"' in p
print(p if not ok else "", end="")
sys.exit(0 if ok else 1)
PY
  then echo "ok lora-browser-hashes"; else echo "FAIL lora-browser-hashes"; failures=$((failures + 1)); fi
fi
scenario preset 120 36 env "$(env_for preset)" "$easel"
if selected preset; then
if [ -f "$work/preset/config/easel/presets/scenario-lighthouse.json" ] &&
   grep -q '"a lighthouse"' "$work/preset/config/easel/presets/scenario-lighthouse.json"; then
  echo "ok preset-file"
else
  echo "FAIL preset-file: no scenario-lighthouse.json with the grid in $work/preset/config/easel/presets"
  failures=$((failures + 1))
fi
fi
# A preset naming the light theme: loading it at start (--preset) paints light theme's page
# colour (#f7f7f2, xterm-256 entry 255, as text background); a --theme on the command line wins.
mkdir -p "$work/theme/config/easel/presets"
printf '{"grid": {"what": "photo"}, "theme": "light"}\n' >"$work/theme/config/easel/presets/bright.json"
light_page='48;5;255m'
scenario preset-theme 120 36 env "$(env_for theme)" "$easel" --model /nonexistent/model.safetensors --preset bright
if selected preset-theme; then
if grep -q "$light_page" "$work/preset-theme.log"; then echo "ok preset-theme-colours"; else
  echo "FAIL preset-theme-colours: no light page colour ($light_page) on screen"; failures=$((failures + 1)); fi
fi
scenario preset-theme 120 36 env "$(env_for theme)" "$easel" --model /nonexistent/model.safetensors --preset bright --theme dark
if selected preset-theme; then
if ! grep -q "$light_page" "$work/preset-theme.log"; then echo "ok preset-theme-command-line-wins"; else
  echo "FAIL preset-theme-command-line-wins: the light page colour is on screen despite --theme dark"; failures=$((failures + 1)); fi
fi
# An A1111 PNG with what Easel does not apply (another model, a LoRA, a hires fix, GPU noise)
# and a ComfyUI PNG (its default text-to-image graph in the "prompt" chunk).
mkdir -p "$work/png-cwd"
png "$work/png-cwd/a1111.png" $'masterpiece, <lora:add_detail:0.6>, a castle\nNegative prompt: lowres\nSteps: 12, Sampler: DPM++ 2M, CFG scale: 6, Seed: 9, Size: 64x64, Model: dreamshaper_8, Hires upscale: 2, Hires upscaler: R-ESRGAN 4x+'
png "$work/png-cwd/comfy.png" '{"3": {"class_type": "KSampler", "inputs": {"seed": 5, "steps": 9, "cfg": 8, "sampler_name": "dpmpp_2m", "scheduler": "karras", "positive": ["6", 0], "negative": ["7", 0], "latent_image": ["5", 0]}}, "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 96, "height": 64}}, "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "purple galaxy bottle"}}, "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "text, watermark"}}}' prompt
scenario png-load 120 36 bash -c 'cd "$1" && exec env "$2" "$3" --model "$4" a1111.png' sh "$work/png-cwd" "$(env_for png)" "$easel" "$model"
mkdir -p "$work/styles-cwd"
printf 'name,prompt,negative_prompt\r\n"Cinematic {p}","cinematic still of {prompt}",cartoon\r\n"Noir, classic",noir,\r\n' \
  >"$work/styles-cwd/styles.csv"
scenario styles 120 36 bash -c 'cd "$1" && env "$2" "$3" --model /nonexistent/model.safetensors && env "$2" "$3" presets show "Noir, classic"' \
  sh "$work/styles-cwd" "$(env_for styles)" "$easel"
scenario status-path 80 24 env "$(env_for status)" "$easel" --model "$model" \
  --output "$work/a/rather/long/folder/for/the/images/of/this/scenario/so/that/the/message/is/cut" "$work/quick.png"
# The X/Y plot: the saved sheet carries the axes in A1111's infotext fields.
scenario xy 120 36 env "$(env_for xy)" "$easel" --model "$model" --output "$work/xy-out" "$work/quick.png"
if selected xy; then
if grep -qa 'X Type: CFG Scale, X Values: "4,7", Y Type: Seed, Y Values: "1,2"' "$work"/xy-out/*/*xyz-grid*.png 2>/dev/null; then
  echo "ok xy-sheet-infotext"
else
  echo "FAIL xy-sheet-infotext: no sheet with X Type/X Values/Y Type/Y Values in $work/xy-out"; failures=$((failures + 1))
fi
fi
# Seeds and wildcards (issue 16): a PNG whose prompt has a word list and a choice.
png "$work/wild.png" $'a __color__ lighthouse, {stormy|calm} sea\nSteps: 8, Sampler: Euler, CFG scale: 7, Seed: 7, Size: 128x128'
mkdir -p "$work/seeds/data/easel/wildcards"
printf 'red\ngreen\nblue\n' >"$work/seeds/data/easel/wildcards/color.txt"
scenario seeds 120 36 env "$(env_for seeds)" XDG_DATA_HOME="$work/seeds/data" "$easel" --model "$model" --output "$work/seeds/out" "$work/wild.png"
if selected seeds; then
if grep -aq 'Variation seed: 1234, Variation seed strength: 0.3' "$work"/seeds/out/*/*.png 2>/dev/null &&
   grep -aq 'Template: a __color__ lighthouse, {stormy|calm} sea' "$work"/seeds/out/*/*.png; then
  echo "ok seeds-infotext"
else
  echo "FAIL seeds-infotext: the saved PNG lacks the variation seed or the template"; failures=$((failures + 1))
fi
fi
scenario layout-80x24 80 24 env "$(env_for layout)" "$easel" --model "$model" "$work/quick.png"
# An engine whose server is down (nothing listens on port 9): the failed switch's line at 80×24.
mkdir -p "$work/down"
printf '{"engines": [{"name": "down", "kind": "comfyui", "url": "http://127.0.0.1:9"}]}\n' >"$work/down/engines.json"
scenario engine-down-80x24 80 24 env "$(env_for down)" EASEL_ENGINES="$work/down/engines.json" "$easel" --model "$model" "$work/quick.png"
scenario layout-50x14 50 14 env "$(env_for layout)" "$easel" --model /nonexistent/model.safetensors
scenario input-boxes 120 36 env "$(env_for input)" "$easel" --model /nonexistent/model.safetensors --theme monochrome
# The snapshot's slider cells (━ ═ ● after an SGR sequence) must not be in reverse video (SGR 7)
# in the monochrome theme; a selected label may be.
if selected input-boxes; then
if python3 -c '
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
bad = [m for m in re.finditer(r"\x1b\[([0-9;]*)m([^\x1b]*)", text)
       if "7" in m.group(1).split(";") and re.search("[━═●]", m.group(2))]
sys.exit(1 if bad else 0)' "$work/input-boxes.log"; then echo "ok input-boxes-no-reverse"; else
  echo "FAIL input-boxes-no-reverse: a slider cell is drawn in reverse video"; failures=$((failures + 1)); fi
fi
scenario save-load 120 36 bash -c '
  env "$1" "$2" --model "$3" --output "$4" "$5" || exit
  exec env "$1" "$2" --model "$3" "$(ls "$4"/*/*.png)"' sh "$(env_for save)" "$easel" "$model" "$work/outputs" "$work/quick.png"
# The render history in a private XDG_DATA_HOME (never the user's): render, browse, restore,
# save, delete; then the CLI lists the one left.
mkdir -p "$work/history"
scenario history 120 36 bash -c '
  cd "$1" && env "$2" XDG_DATA_HOME="$1/data" "$3" || exit
  env "$2" XDG_DATA_HOME="$1/data" "$3" history list && env "$2" XDG_DATA_HOME="$1/data" "$3" history show 1; sleep 5' \
  sh "$work/history" "$(env_for history)" "$easel"
scenario resize 120 36 bash -c '"$1" & exec env "$2" "$3"' sh "$here/resize-helper.sh" "$(env_for resize)" "$easel"
scenario quit 100 30 bash -c "env $(env_for quit) \"\$0\"; $report" "$easel"
scenario interrupt 100 30 bash -c "env $(env_for interrupt) \"\$0\" --model \"\$1\" \"\$2\"; $report" "$easel" "$model" "$work/slow.png"
scenario sigterm 100 30 bash -c "
  ( for _ in \$(seq 300); do tmux capture-pane -p | grep -Eq 'step [0-9]+/' && break; sleep 0.1; done
    sleep 1; kill -TERM \$(cat '$work/easel.pid') ) &
  sh -c 'echo \$\$ >\"\$0\"; exec env $(env_for sigterm) \"\$1\" --model \"\$2\" \"\$3\"' '$work/easel.pid' \"\$0\" \"\$1\" \"\$2\"; $report" \
  "$easel" "$model" "$work/slow.png"

latency_log="$work/latency.txt"
scenario latency 120 36 env "$(env_for latency)" EASEL_KEY_LATENCY_LOG="$latency_log" "$easel" --model "$model" "$work/slow.png"
# Keypress-to-redraw while a render runs is a measurement, not a pass/fail check (timings on
# a shared CI machine vary): it is printed here and recorded in BENCHMARKS.md. Only too few
# samples (the logging broke) fails.
if selected latency; then
if [ -s "$latency_log" ] && awk '/^keys/ { keys = $2 } END { exit !(keys >= 20) }' "$latency_log"; then
  echo "bench keypress-to-redraw while rendering: $(tr '\n' ' ' <"$latency_log") (budget 16 ms)"
else
  echo "FAIL latency: too few keypress samples: $(tr '\n' ' ' <"$latency_log" 2>/dev/null)"
  failures=$((failures + 1))
fi
fi

scenario crash 100 30 bash -c "
  ( for _ in \$(seq 300); do tmux capture-pane -p | grep -q 'Prompt grid' && break; sleep 0.1; done
    sleep 1; kill -ILL \$(cat '$work/crash.pid') ) &
  sh -c 'echo \$\$ >\"\$0\"; exec env $(env_for crash) \"\$1\"' '$work/crash.pid' \"\$0\"; $report" "$easel"
# A broken preset file next to the built-ins: its error shows, everything else works.
mkdir -p "$work/missing/config/easel/presets"
printf '{ "grid": ' >"$work/missing/config/easel/presets/broken.json"
scenario missing-model 120 36 env "$(env_for missing)" "$easel" --model /nonexistent/model.safetensors
# A 70 KB bracketed paste, and the terminal going away with and without SIGHUP (issue 17).
if out=$(bash "$here/paste-hangup.sh" "$easel" 2>&1); then
  sed 's/^/  /' <<<"$out" | sed 's/^  ok/ok/'
else
  echo "FAIL paste-hangup"; sed 's/^/    /' <<<"$out"; failures=$((failures + 1))
fi

echo "$failures failed"
[ "$failures" -eq 0 ]
