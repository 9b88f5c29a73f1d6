"""Caption → text-encoder conditioning, the way A1111 (and so the Easel engine) builds it:
parse the attention weights, tokenize each fragment separately with the real CLIP tokenizer,
BOS + tokens + EOS padding to 77, run the encoder (clip skip 1: the final layer-norm output),
multiply by the weights and restore the unweighted mean.

Reference: AUTOMATIC1111/stable-diffusion-webui, modules/sd_hijack_clip.py
(`tokenize_line`, `process_tokens`); the fixtures README (tiny-sd15-reference/text.safetensors).
"""
import os

import torch
from transformers import CLIPTokenizer

from captions import parse_attention

MAX_LENGTH = 77
BOS, EOS = 49406, 49407


def default_tokenizer_dir():
    here = os.path.dirname(os.path.abspath(__file__))
    return os.environ.get("EASEL_CLIP_TOKENIZER",
                          os.path.join(here, "..", "..", "..", "shared", "fixtures", "clip-tokenizer"))


def load_tokenizer(directory=None):
    directory = directory or default_tokenizer_dir()
    return CLIPTokenizer(os.path.join(directory, "vocab.json"), os.path.join(directory, "merges.txt"))


class PromptEncoder:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self.cache = {}

    def _fragment_ids(self, text):
        ids = self.cache.get(text)
        if ids is None:
            ids = self.tokenizer(text, add_special_tokens=False).input_ids
            if len(self.cache) < 200_000:
                self.cache[text] = ids
        return ids

    def ids_and_weights(self, caption):
        ids, weights = [], []
        for fragment, weight in parse_attention(caption):
            frag = self._fragment_ids(fragment)
            ids += frag
            weights += [weight] * len(frag)
        ids, weights = ids[:MAX_LENGTH - 2], weights[:MAX_LENGTH - 2]
        pad = MAX_LENGTH - 1 - len(ids)
        return [BOS] + ids + [EOS] * pad, [1.0] + weights + [1.0] * pad

    def batch(self, captions):
        """([B, 77] int64 ids, [B, 77] float multipliers)."""
        pairs = [self.ids_and_weights(c) for c in captions]
        return (torch.tensor([p[0] for p in pairs], dtype=torch.long),
                torch.tensor([p[1] for p in pairs], dtype=torch.float32))


def encode(text_encoder, ids, weights):
    """[B, 77, D] conditioning with A1111 emphasis (multiply, then restore each item's mean)."""
    z = text_encoder(input_ids=ids).last_hidden_state      # [B, 77, D]
    if torch.all(weights == 1.0):
        return z
    original_mean = z.mean(dim=(1, 2), keepdim=True)
    z = z * weights[:, :, None]
    return z * (original_mean / z.mean(dim=(1, 2), keepdim=True))
