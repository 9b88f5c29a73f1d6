"""Writes heldout.json: the colour × subject × setting triples the demo model never sees in
training (train.py excludes them from the rendered data), with the vocabulary the Swift
prompt-following tests need (colour RGB and hue, light and mood words).

    python3 tools/demo-model/make_heldout.py     # deterministic; rerun only when the vocabulary changes
"""
import colorsys
import json
import os
import random

from vocabulary import CHROMATIC_COLORS, COLORS, LIGHTS, MOODS, SETTINGS, SHOTS, SUBJECTS

CASES_PER_COLOR = 5


def hue_degrees(rgb):
    h, _, _ = colorsys.rgb_to_hsv(*(c / 255 for c in rgb))
    return round(h * 360, 1)


def main():
    rng = random.Random(2024)
    subjects, settings = list(SUBJECTS), list(SETTINGS)
    cases = []
    for ci, color in enumerate(CHROMATIC_COLORS):
        chosen_subjects = rng.sample(subjects, CASES_PER_COLOR)
        for k, subject in enumerate(chosen_subjects):
            setting = settings[(ci * CASES_PER_COLOR + k) % len(settings)]
            noun = SUBJECTS[subject][0]
            cases.append({
                "color": color, "subject": subject, "setting": setting,
                "prompt": f"{color} {noun}, {SETTINGS[setting][0][0]}, day, close-up",
            })
    doc = {
        "about": "Held-out colour/subject/setting triples: no training image (so no training caption) "
                 "has them. Prompts name one subject, day light, close-up, so the subject fills the "
                 "centre of the 64x64 image. Written by tools/demo-model/make_heldout.py.",
        "image_size": 64,
        "colors": {name: {"rgb": list(rgb), "hue": hue_degrees(rgb), "chromatic": name in CHROMATIC_COLORS}
                   for name, rgb in COLORS.items()},
        "subjects": {k: v[0] for k, v in SUBJECTS.items()},
        "settings": {k: v[0][0] for k, v in SETTINGS.items()},
        "lights": {k: v[0][0] for k, v in LIGHTS.items()},
        "moods": {k: v[0][0] for k, v in MOODS.items()},
        "shots": {k: v[0][0] for k, v in SHOTS.items()},
        "cases": cases,
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "heldout.json")
    with open(path + ".tmp", "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    os.replace(path + ".tmp", path)
    print(f"wrote {len(cases)} cases to {path}")


if __name__ == "__main__":
    main()
