"""Captions for a scene, in several prompt dialects (issue 7): tag lists with and without A1111
`(x:1.2)` weights, plain sentences, partial captions with attributes dropped, and ~10% empty
captions for classifier-free guidance.

`parse_attention` follows A1111's `prompt_parser.parse_prompt_attention`
(AUTOMATIC1111/stable-diffusion-webui, modules/prompt_parser.py) so weighted captions are
encoded the same way the Easel engine encodes a weighted prompt.
"""
import re

from vocabulary import SUBJECTS, SETTINGS, LIGHTS, MOODS, SHOTS, COUNT_WORDS

EMPTY_FRACTION = 0.10
WEIGHTS = [0.8, 0.9, 1.1, 1.2, 1.3, 1.4, 1.5]
SENTENCE_OPENERS = ["", "", "", "a picture of ", "an image of ", "an illustration of ", "a drawing of "]


def _pick(rng, items):
    return items[int(rng.integers(len(items)))]


def _subject_phrase(scene, rng, keep_color, keep_count):
    singular, plural = SUBJECTS[scene.subject]
    noun = singular if scene.count == 1 else plural
    words = []
    if keep_count:
        cw = _pick(rng, COUNT_WORDS[scene.count])
        if cw == "a" and (keep_color and scene.color == "orange" or not keep_color and noun[0] in "aeiou"):
            cw = "an"
        words.append(cw)
    if keep_color:
        words.append(scene.color)
    words.append(noun)
    return " ".join(words)


def _kept(scene, rng, partial):
    """Which attributes the caption names; partial captions drop some of them."""
    keep = {"subject": True, "color": True, "count": True, "setting": True, "light": True,
            "mood": scene.mood is not None, "shot": True}
    if partial:
        for key, p in (("subject", 0.15), ("color", 0.25), ("count", 0.4), ("setting", 0.35),
                       ("light", 0.35), ("mood", 0.35), ("shot", 0.4)):
            if rng.random() < p:
                keep[key] = False
    return keep


def tag_caption(scene, rng, keep, weighted):
    tags = []
    if keep["subject"]:
        if keep["color"] and rng.random() < 0.3:
            tags += [scene.color, _subject_phrase(scene, rng, False, keep["count"] and scene.count > 1)]
        else:
            tags.append(_subject_phrase(scene, rng, keep["color"], keep["count"] and scene.count > 1))
    elif keep["color"]:
        tags.append(scene.color)
    rest = []
    if keep["setting"]:
        rest.append(_pick(rng, SETTINGS[scene.setting][0]))
    if keep["light"]:
        rest.append(_pick(rng, LIGHTS[scene.light][0]))
    if keep["mood"]:
        rest.append(_pick(rng, MOODS[scene.mood][0]))
    if keep["shot"]:
        rest.append(_pick(rng, SHOTS[scene.shot][0]))
    rng.shuffle(rest)
    tags = tags + rest if rng.random() < 0.75 else rest + tags
    if weighted and tags:
        for i in rng.choice(len(tags), size=min(len(tags), int(rng.integers(1, 4))), replace=False):
            tags[i] = f"({tags[i]})" if rng.random() < 0.2 else f"({tags[i]}:{_pick(rng, WEIGHTS)})"
    return ", ".join(tags)


def sentence_caption(scene, rng, keep):
    parts = []
    if keep["subject"]:
        parts.append(_pick(rng, SENTENCE_OPENERS) + _subject_phrase(scene, rng, keep["color"], keep["count"]))
    elif keep["color"]:
        parts.append(f"something {scene.color}")
    if keep["setting"]:
        parts.append(_pick(rng, SETTINGS[scene.setting][1]))
    if keep["light"]:
        parts.append(_pick(rng, LIGHTS[scene.light][1]))
    text = " ".join(parts)
    tail = []
    if keep["mood"]:
        tail.append(_pick(rng, MOODS[scene.mood][1]))
    if keep["shot"]:
        tail.append(_pick(rng, SHOTS[scene.shot][1]))
    rng.shuffle(tail)
    text = ", ".join([t for t in [text] + tail if t])
    if text and rng.random() < 0.5:
        text = text[0].upper() + text[1:]
    if text and rng.random() < 0.3:
        text += "."
    return text


def caption(scene, rng):
    """One random caption of `scene` (possibly empty), drawn with numpy Generator `rng`."""
    if rng.random() < EMPTY_FRACTION:
        return ""
    keep = _kept(scene, rng, partial=rng.random() < 0.35)
    u = rng.random()
    if u < 0.35:
        return tag_caption(scene, rng, keep, weighted=False)
    if u < 0.6:
        return tag_caption(scene, rng, keep, weighted=True)
    return sentence_caption(scene, rng, keep)


_ATTENTION = re.compile(r"\\\(|\\\)|\\\[|\\]|\\\\|\\|\(|\[|:\s*([+-]?[.\d]+)\s*\)|\)|]|[^\\()\[\]:]+|:", re.X)


def parse_attention(text):
    """[(fragment, weight)] following A1111 `parse_prompt_attention` (without BREAK handling):
    `(x)` ×1.1, `[x]` ÷1.1, `(x:w)` ×w, backslash escapes; unmatched brackets close at the end."""
    res, round_brackets, square_brackets = [], [], []

    def multiply_range(start, mult):
        for p in range(start, len(res)):
            res[p][1] *= mult

    for m in _ATTENTION.finditer(text):
        tok, weight = m.group(0), m.group(1)
        if tok.startswith("\\"):
            res.append([tok[1:], 1.0])
        elif tok == "(":
            round_brackets.append(len(res))
        elif tok == "[":
            square_brackets.append(len(res))
        elif weight is not None and round_brackets:
            multiply_range(round_brackets.pop(), float(weight))
        elif tok == ")" and round_brackets:
            multiply_range(round_brackets.pop(), 1.1)
        elif tok == "]" and square_brackets:
            multiply_range(square_brackets.pop(), 1 / 1.1)
        else:
            res.append([tok, 1.0])
    for pos in round_brackets:
        multiply_range(pos, 1.1)
    for pos in square_brackets:
        multiply_range(pos, 1 / 1.1)
    if not res:
        return [("", 1.0)]
    merged = [res[0]]
    for frag, w in res[1:]:
        if w == merged[-1][1]:
            merged[-1][0] += frag
        else:
            merged.append([frag, w])
    return [(f, w) for f, w in merged]
