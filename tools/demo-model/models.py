"""The demo model's three networks, in the exact SD 1.x layout the Easel engine loads
(compare ../shared/fixtures/tiny-sd15-diffusers/*/config.json): only the widths are small.
"""
from diffusers import AutoencoderKL, UNet2DConditionModel
from transformers import CLIPTextConfig, CLIPTextModel

TEXT_HIDDEN = 128

UNET_CONFIG = dict(
    sample_size=8,
    in_channels=4,
    out_channels=4,
    block_out_channels=(32, 64, 128, 128),
    down_block_types=("CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"),
    up_block_types=("UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D"),
    layers_per_block=2,
    attention_head_dim=8,          # diffusers' legacy name: SD 1.x has 8 heads
    cross_attention_dim=TEXT_HIDDEN,
    norm_num_groups=32,
    flip_sin_to_cos=True,
    freq_shift=0,
    use_linear_projection=False,
)

VAE_CONFIG = dict(
    sample_size=64,
    in_channels=3,
    out_channels=3,
    latent_channels=4,
    block_out_channels=(32, 64, 64, 64),
    down_block_types=("DownEncoderBlock2D",) * 4,
    up_block_types=("UpDecoderBlock2D",) * 4,
    layers_per_block=2,
    norm_num_groups=32,
    scaling_factor=0.18215,
)

TEXT_CONFIG = dict(
    vocab_size=49408,
    hidden_size=TEXT_HIDDEN,
    intermediate_size=4 * TEXT_HIDDEN,
    num_hidden_layers=3,
    num_attention_heads=TEXT_HIDDEN // 64,   # CLIP's head size 64
    max_position_embeddings=77,
    hidden_act="quick_gelu",
    layer_norm_eps=1e-5,
    bos_token_id=49406,
    eos_token_id=49407,
    pad_token_id=49407,
    projection_dim=TEXT_HIDDEN,
)


def make_unet():
    return UNet2DConditionModel(**UNET_CONFIG)


def make_vae():
    return AutoencoderKL(**VAE_CONFIG)


def make_text_encoder():
    return CLIPTextModel(CLIPTextConfig(**TEXT_CONFIG))


def param_count(module):
    return sum(p.numel() for p in module.parameters())
