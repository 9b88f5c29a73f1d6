#!/usr/bin/env bash
# Makes docs/workbench-sixel.png: the workbench in a real xterm (vt340, sixel on) through
# ../shared/tools/term-shot, with the built-in dreamcore-church preset at 256×384, 24 steps.
# Usage: tests/tui/screenshot.sh PATH/TO/easel [MODEL] [OUT.png]
# (default MODEL: the demo model if easel finds one, else the tiny test fixture). Look at the
# PNG before committing it: the preview must show the final picture ("Preview · final").
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
easel=${1:?usage: tests/tui/screenshot.sh PATH/TO/easel [MODEL] [OUT.png]}
model=${2:-}
out=${3:-$root/docs/workbench-sixel.png}
if [ -z "$model" ]; then
  model=$(ls "$root"/models/demo/easel-demo.safetensors 2>/dev/null ||
          echo "${EASEL_FIXTURES:-$root/../shared/fixtures}/tiny-sd15.safetensors")
fi
config=$(mktemp -d)
trap 'rm -rf "$config"' EXIT
# p Enter: load the first preset (dreamcore-church). Then in the parameter panel: steps 24,
# width 256, height 384, each typed after Enter.
keys='p<Return><Tab><Down><Down><Down><Down><Return><ctrl+u>24<Return>'
keys+='<Down><Down><Down><Down><Return><ctrl+u>256<Return><Down><Return><ctrl+u>384<Return>'
TERM_SHOT_SETTLE=${TERM_SHOT_SETTLE:-40} "${TERM_SHOT:-$root/../shared/tools/term-shot}" \
  --cols 120 --rows 36 --wait 2 --keys "$keys" "$out" -- \
  env TERM=xterm-256color XDG_CONFIG_HOME="$config" "$easel" --model "$model"
echo "$out"
