"""The prompts and seeds of the demo model's sample grid, shared by `sample-grid.py` (through
the Swift engine, for the README) and `sample.py grid` (through PyTorch, for comparison)."""

# One prompt per row; together they touch every vocabulary axis (subject, colour, setting, light,
# mood, shot, count) and the caption dialects the model was trained on (tags, weights, sentences).
PROMPTS = [
    "a red circle in the sky",
    "two yellow fish, sea, night",
    "blue house, snow field, sunset, wide shot",
    "green cat face, close-up, studio lighting",
    "three pink stars, space",
    "an orange tree in a forest, watercolor",
    "purple moon, city skyline, neon",
    "white mountain, desert, noir",
    "(cyan:1.2) heart, room, vaporwave",
    "A person in the snow at twilight, pastel",
]
SEEDS = [1, 2, 3, 4]
