"""The demo model's vocabulary: every attribute a scene has, and the words captions use for it.

Issue 7 (embedded demo model) fixes the grid: subject, colour, setting, light, mood/aesthetic and
composition (shot and count). The scene renderer (`scenes.py`) draws these values and the caption
writer (`captions.py`) names them; the Swift tests read the same table from `heldout.json`.
"""

# Subject → (singular, plural) caption nouns.
SUBJECTS = {
    "circle": ("circle", "circles"),
    "square": ("square", "squares"),
    "triangle": ("triangle", "triangles"),
    "star": ("star", "stars"),
    "heart": ("heart", "hearts"),
    "moon": ("moon", "moons"),
    "sun": ("sun", "suns"),
    "tree": ("tree", "trees"),
    "house": ("house", "houses"),
    "mountain": ("mountain", "mountains"),
    "flower": ("flower", "flowers"),
    "fish": ("fish", "fish"),
    "cat": ("cat face", "cat faces"),
    "person": ("person", "people"),
}

# Colour name → sRGB of the subject's body. The eight chromatic colours have well separated hues
# (HSV hue in degrees, noted beside each) so a hue classifier can tell them apart.
COLORS = {
    "red": (220, 30, 30),       # hue   0
    "orange": (245, 135, 20),   # hue  30
    "yellow": (245, 220, 30),   # hue  53
    "green": (40, 175, 50),     # hue 124
    "cyan": (30, 200, 220),     # hue 186
    "blue": (30, 70, 225),      # hue 228
    "purple": (135, 40, 195),   # hue 277
    "pink": (245, 110, 185),    # hue 327
    "brown": (125, 75, 35),     # hue  27, dark
    "white": (245, 245, 245),
    "black": (22, 22, 22),
    "gray": (128, 128, 128),
}
CHROMATIC_COLORS = ["red", "orange", "yellow", "green", "cyan", "blue", "purple", "pink"]

# Setting → caption phrases (tag form, sentence form).
SETTINGS = {
    "sky": (["sky", "blue sky", "clouds"], ["in the sky", "among the clouds"]),
    "sea": (["sea", "ocean"], ["at sea", "over the ocean", "by the sea"]),
    "desert": (["desert", "sand dunes"], ["in the desert", "over desert dunes"]),
    "forest": (["forest", "woods"], ["in a forest", "in the woods"]),
    "city": (["city skyline", "city"], ["in front of a city skyline", "in the city"]),
    "space": (["space", "outer space"], ["in space", "in outer space"]),
    "snow": (["snow field", "snow"], ["on a snow field", "in the snow"]),
    "room": (["room", "indoors"], ["in a room", "indoors"]),
}

LIGHTS = {
    "day": (["day", "daylight"], ["during the day", "in daylight"]),
    "sunset": (["sunset"], ["at sunset"]),
    "night": (["night"], ["at night"]),
    "neon": (["neon", "neon lights"], ["in neon light", "lit by neon"]),
    "studio": (["studio lighting", "studio light"], ["in studio lighting"]),
    "twilight": (["twilight", "dusk"], ["at twilight", "at dusk"]),
}

MOODS = {
    "calm": (["calm", "peaceful"], ["calm", "peaceful"]),
    "gloomy": (["gloomy", "dark mood"], ["gloomy"]),
    "cheerful": (["cheerful", "happy"], ["cheerful", "happy"]),
    "pastel": (["pastel", "pastel colors"], ["in pastel colors", "pastel"]),
    "noir": (["noir", "black and white", "monochrome"], ["in black and white", "noir"]),
    "vaporwave": (["vaporwave", "synthwave"], ["in vaporwave style"]),
    "watercolor": (["watercolor", "watercolor painting"], ["as a watercolor painting", "in watercolor"]),
    "flat": (["flat", "flat design", "flat colors"], ["in flat design", "flat illustration"]),
}

SHOTS = {
    "closeup": (["close-up", "closeup"], ["close-up", "in close-up"]),
    "wide": (["wide shot", "wide angle"], ["wide shot", "seen from afar"]),
}

COUNT_WORDS = {1: ["one", "a", "single"], 2: ["two", "a pair of"], 3: ["three"]}
