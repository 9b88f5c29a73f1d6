"""Renders the README's demo grid through the Swift engine: prompts down the side, seeds across.

Every cell is a PNG written by `easel generate` with the demo model at its defaults (no --model:
64×64, 20 steps, Euler a, CFG 7); this script only runs easel and lays the cells out with Pillow.

    swift build -c release --product easel
    tools/.venv-demo/bin/python tools/demo-model/sample-grid.py --out docs/demo-grid.png

Options: --easel PATH (default .build/release/easel), --seeds 1 2 3 4, --scale 2 (nearest-neighbour
enlargement, so the 64×64 pixels stay visible as they are).
"""
import argparse
import os
import subprocess
import sys
import tempfile

from PIL import Image, ImageDraw, ImageFont

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from grid_prompts import PROMPTS, SEEDS  # noqa: E402

BACKGROUND = (250, 250, 248)
INK = (30, 30, 30)
MUTED = (110, 110, 110)
GAP = 6
MARGIN = 12


def render_row(easel, prompt, seeds, folder, row):
    """Runs `easel generate` once for a prompt (a batch over consecutive seeds when they are
    consecutive, else one call per seed) and returns the PNG paths in seed order."""
    paths = []
    consecutive = seeds == list(range(seeds[0], seeds[0] + len(seeds)))
    calls = [(seeds[0], len(seeds))] if consecutive else [(s, 1) for s in seeds]
    for first, count in calls:
        out = os.path.join(folder, f"row{row}-seed{first}.png")
        cmd = [easel, "generate", "--prompt", prompt, "--seed", str(first), "--batch", str(count), "--output", out]
        result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"sample-grid: {' '.join(cmd)} failed ({result.returncode}): {result.stderr.strip()}")
        paths += result.stdout.split()
    if len(paths) != len(seeds):
        sys.exit(f"sample-grid: expected {len(seeds)} images for {prompt!r}, easel printed {paths}")
    return paths


def assemble(rows, seeds, scale):
    """rows: [(prompt, [PIL images])] → one grid image with prompt labels and a seed header."""
    font = ImageFont.load_default(size=15)
    small = ImageFont.load_default(size=13)
    cell = rows[0][1][0].width * scale
    probe = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    label_w = max(probe.textlength(p, font=font) for p, _ in rows) + 2 * GAP
    header_h = 26
    width = int(MARGIN * 2 + label_w + len(seeds) * (cell + GAP))
    height = MARGIN * 2 + header_h + len(rows) * (cell + GAP)
    grid = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(grid)
    x0 = MARGIN + label_w
    for j, seed in enumerate(seeds):
        cx = x0 + j * (cell + GAP) + cell / 2
        draw.text((cx, MARGIN + header_h / 2), f"seed {seed}", font=small, fill=MUTED, anchor="mm")
    for i, (prompt, images) in enumerate(rows):
        y = MARGIN + header_h + i * (cell + GAP)
        draw.text((x0 - GAP, y + cell / 2), prompt, font=font, fill=INK, anchor="rm")
        for j, image in enumerate(images):
            big = image.convert("RGB").resize((cell, cell), Image.NEAREST)
            grid.paste(big, (int(x0 + j * (cell + GAP)), y))
    return grid


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--easel", default=os.path.join(ROOT, ".build", "release", "easel"))
    p.add_argument("--out", default=os.path.join(ROOT, "docs", "demo-grid.png"))
    p.add_argument("--seeds", type=int, nargs="+", default=SEEDS)
    p.add_argument("--scale", type=int, default=2)
    args = p.parse_args()
    if not os.access(args.easel, os.X_OK):
        sys.exit(f"sample-grid: {args.easel} is not an executable; build it with "
                 "`swift build -c release --product easel`")
    with tempfile.TemporaryDirectory(prefix="easel-grid-") as folder:
        rows = []
        for i, prompt in enumerate(PROMPTS):
            paths = render_row(args.easel, prompt, args.seeds, folder, i)
            rows.append((prompt, [Image.open(path).copy() for path in paths]))
            print(f"sample-grid: {prompt}", file=sys.stderr)
        grid = assemble(rows, args.seeds, args.scale)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    grid.save(tmp, format="PNG", optimize=True)
    os.replace(tmp, args.out)
    print(args.out)


if __name__ == "__main__":
    main()
