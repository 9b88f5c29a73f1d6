"""Writes Tests/SamplingTests/Fixtures/variation-noise.json: A1111's variation-seed noise made
with torch, the reference for Easel's `VariationNoise` (Tests/SamplingTests/VariationNoiseTests).

The recipe is A1111 `modules/rng.py` (`ImageRNG.first` / `.next`, `slerp`) with
`randn_source = CPU`, written out here from its formulas:
- main noise: a torch CPU generator seeded with the seed, first draw of the image shape [C, H, W];
  with a seed resize, a fresh generator of the seed drawn at the resize shape instead;
- variation noise: a fresh generator of the subseed drawn at that same shape;
- slerp over dim 1 (H) of the [C, H, W] noise; mean dot > 0.9995 -> low*val + high*(1-val);
- seed resize: the main generator's first full-size draw with the small noise pasted centred;
- the next draw (ancestral noise) continues the main generator.

Run: tools/.venv-demo/bin/python tools/variation-seeds/make_variation_fixture.py
"""
import json
import pathlib

import torch


def slerp(val, low, high):
    low_unit = low / torch.norm(low, dim=1, keepdim=True)
    high_unit = high / torch.norm(high, dim=1, keepdim=True)
    dot = (low_unit * high_unit).sum(1)
    if dot.mean() > 0.9995:
        return low * val + high * (1 - val)
    omega = torch.acos(dot)
    so = torch.sin(omega)
    return (torch.sin((1.0 - val) * omega) / so).unsqueeze(1) * low + (torch.sin(val * omega) / so).unsqueeze(1) * high


def fresh(seed, shape):
    return torch.randn(shape, generator=torch.Generator("cpu").manual_seed(seed))


def case(seed, subseed, strength, shape, resize=None):
    main = torch.Generator("cpu").manual_seed(seed)
    noise_shape = tuple(resize) if resize else tuple(shape)
    noise = fresh(seed, noise_shape) if resize else torch.randn(shape, generator=main)
    if strength != 0:
        noise = slerp(strength, noise, fresh(subseed, noise_shape))
    if resize:
        x = torch.randn(shape, generator=main)
        dx = (shape[2] - noise_shape[2]) // 2
        dy = (shape[1] - noise_shape[1]) // 2
        w = noise_shape[2] if dx >= 0 else noise_shape[2] + 2 * dx
        h = noise_shape[1] if dy >= 0 else noise_shape[1] + 2 * dy
        tx, ty = max(dx, 0), max(dy, 0)
        sx, sy = max(-dx, 0), max(-dy, 0)
        x[:, ty:ty + h, tx:tx + w] = noise[:, sy:sy + h, sx:sx + w]
        noise = x
    second = torch.randn(shape, generator=main)
    return {
        "seed": seed, "subseed": subseed, "strength": strength, "shape": list(shape),
        "resizeFrom": list(resize) if resize else None,
        "first": [float(v) for v in noise.flatten()], "second": [float(v) for v in second.flatten()],
    }


def main():
    shape = (4, 6, 5)   # H != W, so a norm over the wrong axis shows
    cases = [
        case(42, 7, 0.3, shape),
        case(42, 7, 0.75, shape),
        case(42, 7, 1.0, shape),
        case(42, 7, 0.0, shape),
        case(5, 5, 0.3, shape),                     # seed == subseed: the mean-dot fallback
        case(42, 7, 0.5, (4, 6, 8), resize=(4, 4, 6)),  # smaller resize: pasted in the centre
        case(42, 7, 0.5, (4, 6, 5), resize=(4, 9, 3)),  # taller, narrower: cropped and pasted
        case(123, 0, 0.0, (4, 6, 8), resize=(4, 5, 5)),  # resize without a variation
    ]
    out = pathlib.Path(__file__).resolve().parents[2] / "Tests/SamplingTests/Fixtures/variation-noise.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"torch": torch.__version__, "source": "tools/variation-seeds/make_variation_fixture.py",
                               "cases": cases}, indent=None) + "\n")
    print(out, out.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
