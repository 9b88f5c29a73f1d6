"""k-diffusion's CompVisDenoiser schedule over SD's scaled-linear betas, shared by this folder's
reference scripts (k-diffusion, k_diffusion/external.py, DiscreteSchedule sigma_to_t / t_to_sigma;
sampling.py get_sigmas via the model's own table, as A1111's "normal" schedule)."""
import torch

# Scaled-linear betas (float64 cumprod, stored float32), as the LDM config and diffusers give them.
betas = torch.linspace(0.00085 ** 0.5, 0.012 ** 0.5, 1000, dtype=torch.float64) ** 2
alphas_cumprod = torch.cumprod(1 - betas, 0).float()
sigmas_full = ((1 - alphas_cumprod) / alphas_cumprod) ** 0.5
log_sigmas = sigmas_full.log()


def sigma_to_t(sigma):
    log_sigma = sigma.log()
    dists = log_sigma - log_sigmas
    low = dists.ge(0).cumsum(0).argmax().clamp(max=len(log_sigmas) - 2)
    lo, hi = log_sigmas[low], log_sigmas[low + 1]
    w = ((lo - log_sigma) / (lo - hi)).clamp(0, 1)
    return (1 - w) * low + w * (low + 1)


def t_to_sigma(t):
    low, high, w = t.floor().long(), t.ceil().long(), t.frac()
    return ((1 - w) * log_sigmas[low] + w * log_sigmas[high]).exp()


def normal_sigmas(n):
    return torch.cat([t_to_sigma(torch.linspace(999, 0, n)), torch.zeros(1)])
