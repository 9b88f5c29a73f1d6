"""Procedural scenes for the demo model (issue 7): a coloured subject, in a setting, under a light,
with a mood/aesthetic and a composition. Drawn with Pillow at 2× and box-downsampled to 64×64.

`Scene` holds the attribute values; `render(scene, rng)` returns a [64, 64, 3] uint8 array.
Colour and light are made strongly visible on purpose: the subject body keeps its named hue
(lights scale its brightness rather than its hue), night and neon are dark, noir is greyscale.
"""
from dataclasses import dataclass
import math

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from vocabulary import COLORS, SUBJECTS, SETTINGS, LIGHTS, MOODS

SIZE = 64          # the image size the model is trained on
CANVAS = 2 * SIZE  # drawing size before the anti-aliasing downsample


@dataclass(frozen=True)
class Scene:
    subject: str
    color: str
    setting: str
    light: str
    mood: str | None   # None: the plain rendering
    shot: str          # "closeup" or "wide"
    count: int         # 1, 2 or 3


# Light → (sky top, sky bottom, ambient RGB multiplier for the setting, subject brightness).
LIGHT_PALETTES = {
    "day": ((80, 150, 235), (185, 220, 250), (1.0, 1.0, 1.0), 1.0),
    "sunset": ((70, 55, 135), (250, 140, 60), (1.0, 0.78, 0.62), 0.9),
    "night": ((4, 6, 24), (16, 24, 60), (0.22, 0.25, 0.42), 0.45),
    "neon": ((14, 4, 30), (38, 8, 58), (0.25, 0.18, 0.38), 0.75),
    "studio": ((120, 120, 128), (200, 200, 204), (0.95, 0.95, 0.95), 1.0),
    "twilight": ((30, 30, 95), (190, 110, 150), (0.5, 0.45, 0.65), 0.65),
}


def _vertical_gradient(h, w, top, bottom):
    t = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None, None]
    col = (1 - t) * np.array(top, np.float32) + t * np.array(bottom, np.float32)
    return np.broadcast_to(col, (h, w, 3)).copy()


def _lit(rgb, ambient):
    return tuple(int(max(0, min(255, c * a))) for c, a in zip(rgb, ambient))


def _scatter_dots(draw, rng, n, region, color, radius):
    x0, y0, x1, y1 = region
    for _ in range(n):
        x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
        r = radius * rng.uniform(0.5, 1.0)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=color)


def draw_setting(setting, light, rng):
    """The background: a [CANVAS, CANVAS, 3] float array in 0…255."""
    c = CANVAS
    top, bottom, amb, _ = LIGHT_PALETTES[light]
    dark = light in ("night", "neon")
    if setting == "space":
        img = _vertical_gradient(c, c, (2, 2, 10), (12, 6, 28))
    else:
        img = _vertical_gradient(c, c, top, bottom)
    im = Image.fromarray(img.clip(0, 255).astype(np.uint8))
    d = ImageDraw.Draw(im)
    horizon = int(c * rng.uniform(0.55, 0.68))
    if setting == "sky":
        cloud = _lit((250, 250, 255), amb)
        for _ in range(rng.integers(2, 5)):
            x, y = rng.uniform(0, c), rng.uniform(0.05 * c, 0.8 * c)
            for k in range(3):
                r = rng.uniform(0.05, 0.1) * c
                dx = (k - 1) * r * 1.1
                d.ellipse([x + dx - r, y - r * 0.6, x + dx + r, y + r * 0.6], fill=cloud)
        if dark:
            _scatter_dots(d, rng, 25, (0, 0, c, c), (230, 230, 200), 1.2)
    elif setting == "sea":
        water = _lit((25, 95, 170), amb)
        d.rectangle([0, horizon, c, c], fill=water)
        wave = _lit((120, 180, 230), amb)
        for y in range(horizon + 6, c, 9):
            off = rng.uniform(0, 12)
            for x in np.arange(-12 + off, c, 16):
                d.arc([x, y - 3, x + 12, y + 3], 200, 340, fill=wave, width=2)
    elif setting == "desert":
        sand = _lit((230, 190, 115), amb)
        sand2 = _lit((200, 155, 85), amb)
        pts = [(0, c)] + [(x, horizon + 8 * math.sin(x / 19 + rng.uniform(0, 6))) for x in range(0, c + 1, 8)] + [(c, c)]
        d.polygon(pts, fill=sand)
        pts = [(0, c)] + [(x, horizon + 25 + 6 * math.sin(x / 13)) for x in range(0, c + 1, 8)] + [(c, c)]
        d.polygon(pts, fill=sand2)
    elif setting == "forest":
        ground = _lit((50, 110, 40), amb)
        d.rectangle([0, horizon, c, c], fill=ground)
        for layer, shade in ((0, (25, 80, 35)), (1, (15, 60, 25))):
            fill = _lit(shade, amb)
            for x in np.arange(-10, c + 10, rng.uniform(12, 18)):
                h = rng.uniform(0.3, 0.5) * c
                base = horizon + layer * 10
                d.polygon([(x - 9, base), (x + 9, base), (x, base - h)], fill=fill)
    elif setting == "city":
        street = _lit((60, 60, 68), amb)
        d.rectangle([0, horizon, c, c], fill=street)
        x = -5
        while x < c:
            w = rng.uniform(12, 24)
            h = rng.uniform(0.2, 0.55) * c
            body = _lit((70, 75, 90), amb) if not dark else (20, 20, 30)
            d.rectangle([x, horizon - h, x + w, horizon], fill=body)
            win = (250, 220, 120) if dark else _lit((170, 200, 230), amb)
            if light == "neon":
                win = [(255, 40, 200), (40, 240, 255)][int(rng.integers(0, 2))]
            for wy in np.arange(horizon - h + 4, horizon - 4, 7):
                for wx in np.arange(x + 3, x + w - 3, 6):
                    if rng.random() < 0.6:
                        d.rectangle([wx, wy, wx + 2, wy + 3], fill=win)
            x += w + rng.uniform(1, 4)
    elif setting == "space":
        _scatter_dots(d, rng, 60, (0, 0, c, c), (235, 235, 255), 1.3)
        px, py, pr = rng.uniform(0, c), rng.uniform(0, c), rng.uniform(8, 16)
        d.ellipse([px - pr, py - pr, px + pr, py + pr], fill=_lit((200, 120, 80), (0.6, 0.6, 0.6)))
    elif setting == "snow":
        snow = _lit((236, 242, 250), amb)
        pts = [(0, c)] + [(x, horizon + 5 * math.sin(x / 23 + rng.uniform(0, 6))) for x in range(0, c + 1, 8)] + [(c, c)]
        d.polygon(pts, fill=snow)
        _scatter_dots(d, rng, 40, (0, 0, c, c), _lit((255, 255, 255), amb), 1.5)
    elif setting == "room":
        wall = _lit((205, 185, 150), amb)
        floor = _lit((135, 95, 60), amb)
        d.rectangle([0, 0, c, horizon], fill=wall)
        d.rectangle([0, horizon, c, c], fill=floor)
        wx = rng.uniform(0.05, 0.6) * c
        win = _vertical_gradient(30, 36, top, bottom).astype(np.uint8)
        im.paste(Image.fromarray(win), (int(wx), int(0.12 * c)))
        d.rectangle([wx, 0.12 * c, wx + 36, 0.12 * c + 30], outline=_lit((90, 60, 40), amb), width=3)
    else:
        raise ValueError(f"unknown setting {setting!r}")
    return np.asarray(im, dtype=np.float32)


def _polygon_star(cx, cy, r_out, r_in, points=5, rot=-90):
    pts = []
    for i in range(points * 2):
        r = r_out if i % 2 == 0 else r_in
        a = math.radians(rot + i * 180 / points)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def _shade(rgb, k):
    return tuple(int(max(0, min(255, v * k))) for v in rgb)


def draw_subject(d, subject, cx, cy, s, rgb):
    """Draws one subject of bounding size `s` centred at (cx, cy) on an RGBA ImageDraw."""
    r = s / 2
    dark = _shade(rgb, 0.6) if sum(rgb) > 120 else (110, 110, 110)
    light = tuple(int(v + (255 - v) * 0.35) for v in rgb)
    w = max(2, int(s / 28))
    box = [cx - r, cy - r, cx + r, cy + r]
    if subject == "circle":
        d.ellipse(box, fill=rgb, outline=dark, width=w)
    elif subject == "square":
        k = r * 0.85
        d.rectangle([cx - k, cy - k, cx + k, cy + k], fill=rgb, outline=dark, width=w)
    elif subject == "triangle":
        d.polygon([(cx, cy - r), (cx + r, cy + r * 0.8), (cx - r, cy + r * 0.8)], fill=rgb, outline=dark, width=w)
    elif subject == "star":
        d.polygon(_polygon_star(cx, cy + r * 0.08, r, r * 0.45), fill=rgb, outline=dark, width=w)
    elif subject == "heart":
        k = r * 0.52
        d.ellipse([cx - 2 * k, cy - r * 0.75, cx, cy - r * 0.75 + 2 * k], fill=rgb)
        d.ellipse([cx, cy - r * 0.75, cx + 2 * k, cy - r * 0.75 + 2 * k], fill=rgb)
        d.polygon([(cx - 1.93 * k, cy - r * 0.75 + 1.3 * k), (cx + 1.93 * k, cy - r * 0.75 + 1.3 * k), (cx, cy + r)], fill=rgb)
    elif subject == "moon":
        d.ellipse(box, fill=rgb)
        off = r * 0.55
        d.ellipse([cx - r + off, cy - r - off * 0.3, cx + r + off, cy + r - off * 0.3], fill=(0, 0, 0, 0))
    elif subject == "sun":
        for i in range(12):
            a = math.radians(i * 30)
            d.line([(cx + 0.62 * r * math.cos(a), cy + 0.62 * r * math.sin(a)),
                    (cx + r * math.cos(a), cy + r * math.sin(a))], fill=rgb, width=max(3, int(s / 14)))
        k = r * 0.58
        d.ellipse([cx - k, cy - k, cx + k, cy + k], fill=rgb, outline=dark, width=w)
    elif subject == "tree":
        d.rectangle([cx - r * 0.14, cy + r * 0.2, cx + r * 0.14, cy + r], fill=(100, 60, 30))
        d.ellipse([cx - r * 0.8, cy - r, cx + r * 0.8, cy + r * 0.45], fill=rgb, outline=dark, width=w)
    elif subject == "house":
        d.rectangle([cx - r * 0.75, cy - r * 0.1, cx + r * 0.75, cy + r], fill=rgb, outline=dark, width=w)
        d.polygon([(cx - r * 0.95, cy - r * 0.05), (cx + r * 0.95, cy - r * 0.05), (cx, cy - r)], fill=dark)
        d.rectangle([cx - r * 0.15, cy + r * 0.45, cx + r * 0.15, cy + r], fill=dark)
        d.rectangle([cx + r * 0.3, cy + r * 0.15, cx + r * 0.55, cy + r * 0.4], fill=light)
    elif subject == "mountain":
        d.polygon([(cx - r, cy + r), (cx - r * 0.1, cy - r), (cx + r, cy + r)], fill=rgb, outline=dark, width=w)
        d.polygon([(cx - r * 0.37, cy - r * 0.4), (cx - r * 0.1, cy - r), (cx + r * 0.18, cy - r * 0.4)], fill=light)
    elif subject == "flower":
        d.line([(cx, cy), (cx, cy + r)], fill=(40, 130, 40), width=max(2, int(s / 16)))
        for i in range(6):
            a = math.radians(i * 60)
            px, py = cx + 0.42 * r * math.cos(a), cy - 0.2 * r + 0.42 * r * math.sin(a)
            k = r * 0.36
            d.ellipse([px - k, py - k, px + k, py + k], fill=rgb, outline=dark, width=max(1, w // 2))
        k = r * 0.2
        centre = (250, 215, 40) if sum(rgb) < 600 and rgb != COLORS["yellow"] else (200, 120, 30)
        d.ellipse([cx - k, cy - 0.2 * r - k, cx + k, cy - 0.2 * r + k], fill=centre)
    elif subject == "fish":
        d.ellipse([cx - r * 0.8, cy - r * 0.5, cx + r * 0.45, cy + r * 0.5], fill=rgb, outline=dark, width=w)
        d.polygon([(cx + r * 0.3, cy), (cx + r, cy - r * 0.5), (cx + r, cy + r * 0.5)], fill=rgb, outline=dark, width=w)
        k = r * 0.09
        d.ellipse([cx - r * 0.5 - k, cy - r * 0.12 - k, cx - r * 0.5 + k, cy - r * 0.12 + k], fill=(10, 10, 10))
    elif subject == "cat":
        d.polygon([(cx - r * 0.85, cy - r * 0.2), (cx - r * 0.7, cy - r), (cx - r * 0.2, cy - r * 0.6)], fill=rgb, outline=dark, width=w)
        d.polygon([(cx + r * 0.85, cy - r * 0.2), (cx + r * 0.7, cy - r), (cx + r * 0.2, cy - r * 0.6)], fill=rgb, outline=dark, width=w)
        d.ellipse([cx - r * 0.85, cy - r * 0.7, cx + r * 0.85, cy + r * 0.85], fill=rgb, outline=dark, width=w)
        eye = (240, 230, 60) if rgb != COLORS["yellow"] else (30, 140, 40)
        for ex in (-0.35, 0.35):
            k = r * 0.13
            d.ellipse([cx + ex * r - k, cy - r * 0.1 - k, cx + ex * r + k, cy - r * 0.1 + k], fill=eye)
        d.polygon([(cx - r * 0.1, cy + r * 0.2), (cx + r * 0.1, cy + r * 0.2), (cx, cy + r * 0.32)], fill=dark)
    elif subject == "person":
        k = r * 0.26
        d.ellipse([cx - k, cy - r, cx + k, cy - r + 2 * k], fill=rgb, outline=dark, width=w)
        d.polygon([(cx - r * 0.45, cy + r * 0.35), (cx - r * 0.3, cy - r * 0.4), (cx + r * 0.3, cy - r * 0.4),
                   (cx + r * 0.45, cy + r * 0.35)], fill=rgb, outline=dark, width=w)
        d.rectangle([cx - r * 0.3, cy + r * 0.3, cx - r * 0.07, cy + r], fill=rgb)
        d.rectangle([cx + r * 0.07, cy + r * 0.3, cx + r * 0.3, cy + r], fill=rgb)
    else:
        raise ValueError(f"unknown subject {subject!r}")


def layout(shot, count, rng):
    """Subject centres and size, in canvas pixels: close-ups fill the frame, wide shots show the setting."""
    c = CANVAS
    if shot == "closeup":
        size = {1: 0.86, 2: 0.5, 3: 0.38}[count] * c
        cy = c * 0.5
    else:
        size = {1: 0.4, 2: 0.3, 3: 0.25}[count] * c
        cy = c * rng.uniform(0.52, 0.62)
    xs = {1: [0.5], 2: [0.28, 0.72], 3: [0.18, 0.5, 0.82]}[count]
    jitter = 0.03 * c
    return [(x * c + rng.uniform(-jitter, jitter), cy + rng.uniform(-jitter, jitter)) for x in xs], size * rng.uniform(0.92, 1.05)


def _hsv_saturate(img, factor):
    grey = img.mean(axis=2, keepdims=True)
    return grey + (img - grey) * factor


def apply_light_subject(layer, scene):
    """Light acts on the subject as a brightness change (hue kept) plus neon's coloured glow."""
    rgb = layer[..., :3]
    alpha = layer[..., 3:4]
    rgb *= LIGHT_PALETTES[scene.light][3]
    if scene.light == "sunset":
        rgb[...] = rgb * 0.85 + np.array([255, 150, 80], np.float32) * 0.15 * (rgb.mean(axis=2, keepdims=True) / 255)
    return np.concatenate([rgb, alpha], axis=2)


def neon_glow(alpha, rng):
    """A glowing coloured rim around the subject mask (neon light): [C, C, 3] additive light."""
    a = Image.fromarray((alpha[..., 0] * 255).astype(np.uint8))
    edge = np.asarray(a.filter(ImageFilter.MaxFilter(7)), np.float32) / 255 - alpha[..., 0]
    glow = np.asarray(Image.fromarray((edge * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(3)), np.float32) / 255
    tint = np.array([[255, 40, 210], [40, 230, 255]][int(rng.integers(0, 2))], np.float32)
    return glow[..., None] * tint * 1.2


def apply_mood(img, mood, rng):
    """Mood and aesthetic as palette and rendering changes on the final [C, C, 3] float image."""
    if mood is None:
        return img
    if mood == "calm":
        img = _hsv_saturate(img, 0.75)
        img = 128 + (img - 128) * 0.75
        img = img * np.array([0.92, 0.98, 1.08], np.float32)
    elif mood == "gloomy":
        img = _hsv_saturate(img, 0.35) * 0.62
        img = img * np.array([0.9, 0.95, 1.05], np.float32)
    elif mood == "cheerful":
        img = _hsv_saturate(img, 1.4) * 1.08 + np.array([12, 8, -4], np.float32)
    elif mood == "pastel":
        img = _hsv_saturate(img, 0.7) * 0.5 + 255 * 0.5
    elif mood == "noir":
        grey = img @ np.array([0.299, 0.587, 0.114], np.float32)
        grey = np.clip(128 + (grey - 128) * 1.45, 0, 255)
        grey = grey + rng.normal(0, 6, grey.shape).astype(np.float32)
        img = np.repeat(grey[..., None], 3, axis=2)
    elif mood == "vaporwave":
        lum = (img @ np.array([0.299, 0.587, 0.114], np.float32))[..., None] / 255
        pink, cyan = np.array([255, 90, 200], np.float32), np.array([60, 230, 240], np.float32)
        vapor = (1 - lum) * np.array([70, 20, 120], np.float32) + lum * np.where(lum > 0.55, cyan, pink)
        img = img * 0.45 + vapor * 0.55
        img[::4] *= 0.8
    elif mood == "watercolor":
        im = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(2.4))
        img = np.asarray(im, np.float32)
        paper = np.asarray(Image.fromarray(rng.normal(0, 1, (CANVAS // 8, CANVAS // 8)).astype(np.float32))
                           .resize((CANVAS, CANVAS), Image.BILINEAR), np.float32)[..., None]
        img = img * 0.78 + 255 * 0.22 + paper * 9
    elif mood == "flat":
        im = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8)).filter(ImageFilter.ModeFilter(5))
        img = np.asarray(im, np.float32)
        img = np.round(img / 64) * 64
        img = _hsv_saturate(img, 1.15)
    else:
        raise ValueError(f"unknown mood {mood!r}")
    return img


def render(scene, rng):
    """Renders `scene` to a [SIZE, SIZE, 3] uint8 array; `rng` is a numpy Generator."""
    bg = draw_setting(scene.setting, scene.light, rng)
    layer_im = Image.new("RGBA", (CANVAS, CANVAS), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer_im)
    centres, size = layout(scene.shot, scene.count, rng)
    for cx, cy in centres:
        draw_subject(d, scene.subject, cx, cy, size, COLORS[scene.color] + (255,))
    layer = np.asarray(layer_im, np.float32) / np.array([1, 1, 1, 255], np.float32)
    layer = apply_light_subject(layer, scene)
    alpha = layer[..., 3:4]
    img = bg * (1 - alpha) + layer[..., :3] * alpha
    if scene.light == "neon":
        img = img + neon_glow(alpha, rng)
    elif scene.light == "studio":
        yy, xx = np.mgrid[0:CANVAS, 0:CANVAS].astype(np.float32) / CANVAS - 0.5
        img = img * np.clip(1.15 - 1.3 * (xx ** 2 + yy ** 2), 0.45, 1.1)[..., None]
    img = apply_mood(np.clip(img, 0, 255), scene.mood, rng)
    img = np.clip(img, 0, 255).astype(np.uint8)
    return np.asarray(Image.fromarray(img).resize((SIZE, SIZE), Image.BOX))


def random_scene(rng, excluded=frozenset()):
    """Draws scene attributes; (colour, subject, setting) triples in `excluded` are never drawn."""
    while True:
        subject = list(SUBJECTS)[rng.integers(len(SUBJECTS))]
        color = list(COLORS)[rng.integers(len(COLORS))]
        setting = list(SETTINGS)[rng.integers(len(SETTINGS))]
        if (color, subject, setting) not in excluded:
            break
    light = rng.choice(list(LIGHTS), p=[0.35, 0.13, 0.13, 0.13, 0.13, 0.13])
    mood = None if rng.random() < 0.4 else list(MOODS)[rng.integers(len(MOODS))]
    shot = "closeup" if rng.random() < 0.5 else "wide"
    count = int(rng.choice([1, 2, 3], p=[0.6, 0.2, 0.2]))
    return Scene(subject, color, setting, str(light), mood, shot, count)
