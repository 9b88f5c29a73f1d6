"""Checks of the tooling against independent references. Run with the tools virtualenv:

    tools/.venv-demo/bin/python tools/demo-model/tests.py
"""
import os
import sys
import unittest

import numpy as np
import torch
from safetensors.torch import load_file

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from captions import caption, parse_attention  # noqa: E402
from conditioning import PromptEncoder, load_tokenizer  # noqa: E402
from ldm_keys import text_to_ldm, unet_to_ldm, vae_to_ldm  # noqa: E402
from scenes import Scene, render  # noqa: E402

FIXTURES = os.environ.get("EASEL_FIXTURES", os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "fixtures"))


class LdmKeyTests(unittest.TestCase):
    def test_fixture_diffusers_folder_converts_to_fixture_single_file(self):
        """tiny-sd15-diffusers/ and tiny-sd15.safetensors are the same model in the two layouts
        (the fixtures README: key tables checked by round-tripping through diffusers), so our
        tables must turn one into the other exactly."""
        folder = os.path.join(FIXTURES, "tiny-sd15-diffusers")
        ours = {}
        ours.update(unet_to_ldm(load_file(os.path.join(folder, "unet", "diffusion_pytorch_model.safetensors"))))
        ours.update(vae_to_ldm(load_file(os.path.join(folder, "vae", "diffusion_pytorch_model.safetensors"))))
        ours.update(text_to_ldm(load_file(os.path.join(folder, "text_encoder", "model.safetensors"))))
        ref = load_file(os.path.join(FIXTURES, "tiny-sd15.safetensors"))
        ref.pop("alphas_cumprod")
        self.assertEqual(sorted(ours), sorted(ref))
        for k in ref:
            self.assertEqual(tuple(ours[k].shape), tuple(ref[k].shape), k)
            self.assertTrue(torch.equal(ours[k].to(ref[k].dtype), ref[k]), k)


class CaptionTests(unittest.TestCase):
    def test_parse_attention_matches_a1111_docstring(self):
        """Examples from A1111 modules/prompt_parser.py `parse_prompt_attention` docstring."""
        self.assertEqual(parse_attention("normal text"), [("normal text", 1.0)])
        self.assertEqual(parse_attention("an (important) word"), [("an ", 1.0), ("important", 1.1), (" word", 1.0)])
        self.assertEqual(parse_attention("(unbalanced"), [("unbalanced", 1.1)])
        self.assertEqual(parse_attention("\\(literal\\]"), [("(literal]", 1.0)])
        self.assertEqual(parse_attention("(unnecessary)(parens)"), [("unnecessaryparens", 1.1)])
        got = parse_attention("a (((house:1.3)) [on] a (hill:0.5), sun, (((sky))).")
        want = [("a ", 1.0), ("house", 1.5730000000000004), (" ", 1.1), ("on", 1.0), (" a ", 1.1),
                ("hill", 0.55), (", sun, ", 1.1), ("sky", 1.4641000000000006), (".", 1.1)]
        self.assertEqual([f for f, _ in got], [f for f, _ in want])
        for (_, a), (_, b) in zip(got, want):
            self.assertAlmostEqual(a, b, places=9)

    def test_about_ten_percent_of_captions_are_empty(self):
        rng = np.random.default_rng(0)
        scene = Scene("fish", "red", "sea", "night", "noir", "closeup", 2)
        caps = [caption(scene, rng) for _ in range(4000)]
        self.assertAlmostEqual(caps.count("") / len(caps), 0.10, delta=0.02)
        self.assertTrue(any("(" in c and ":" in c for c in caps))   # weighted tags occur

    def test_weighted_fragment_tokens_carry_the_weight(self):
        enc = PromptEncoder(load_tokenizer(os.path.join(FIXTURES, "clip-tokenizer")))
        ids, weights = enc.ids_and_weights("(red:1.2) fish")
        self.assertEqual(ids[0], 49406)
        self.assertEqual(len(ids), 77)
        red = enc.tokenizer("red", add_special_tokens=False).input_ids
        self.assertEqual(ids[1:1 + len(red)], red)
        self.assertEqual(weights[1:1 + len(red)], [1.2] * len(red))
        self.assertTrue(all(i == 49407 for i in ids[1 + len(red) + 1:]))


class SceneTests(unittest.TestCase):
    @staticmethod
    def centre(img):
        return img[20:44, 20:44].reshape(-1, 3).astype(np.float64)

    def test_named_colour_dominates_the_centre_of_a_close_up(self):
        rng = np.random.default_rng(0)
        img = render(Scene("circle", "blue", "desert", "day", None, "closeup", 1), rng)
        r, g, b = self.centre(img).mean(axis=0)
        self.assertGreater(b, 2 * r)

    def test_night_is_darker_than_day_and_noir_is_grey(self):
        rng = np.random.default_rng(0)
        day = render(Scene("house", "yellow", "city", "day", None, "wide", 1), rng).mean()
        night = render(Scene("house", "yellow", "city", "night", None, "wide", 1), rng).mean()
        self.assertLess(night, 0.5 * day)
        noir = render(Scene("heart", "red", "sea", "day", "noir", "closeup", 1), rng).astype(int)
        self.assertLessEqual(np.abs(noir[..., 0] - noir[..., 2]).max(), 1)


if __name__ == "__main__":
    unittest.main()
