// Widening and narrowing of 16-bit floats for the half-stored weights of the fast mode on CPUs
// without AVX512_BF16 (Tensor/HalfWeights.swift): fp16 with F16C (`vcvtph2ps` / `vcvtps2ph`),
// bfloat16 with AVX2 integer shifts, and portable scalar code for CPUs without them. All
// conversions are exact when widening; narrowing rounds to nearest even, as torch's
// `Tensor.half()` / `.bfloat16()` do. The scalar fp16 code is Fabian Giesen's
// "half <-> float" methods (`half_to_float` and `float_to_half_fast3_rtne`,
// https://gist.github.com/rygorous/2156668); reads and writes of the 16-bit data go through
// memcpy, so the data need not be 2-byte aligned (safetensors offsets are arbitrary).
#include "CKernels.h"
#include <string.h>

static inline uint32_t bits_of(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static inline float float_of(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }
static inline uint16_t load16(const unsigned char *p, size_t i) { uint16_t h; memcpy(&h, p + 2 * i, 2); return h; }
static inline void store16(unsigned char *p, size_t i, uint16_t h) { memcpy(p + 2 * i, &h, 2); }

static inline float widen_f16_scalar(uint16_t h) {
    const uint32_t shifted = (uint32_t)(h & 0x7fff) << 13;           // exponent and mantissa
    const uint32_t exponent = shifted & 0x0f800000u;
    uint32_t o = shifted + ((127u - 15u) << 23);                      // rebias
    if (exponent == 0x0f800000u) {
        o += (128u - 16u) << 23;                                      // inf / NaN
    } else if (exponent == 0) {
        o += 1u << 23;                                                // subnormal: renormalise
        o = bits_of(float_of(o) - float_of(113u << 23));
    }
    return float_of(o | ((uint32_t)(h & 0x8000) << 16));
}

static inline uint16_t narrow_f16_scalar(float f) {
    uint32_t x = bits_of(f);
    const uint32_t sign = (x >> 16) & 0x8000;
    x &= 0x7fffffffu;
    uint32_t o;
    if (x >= (127u + 16u) << 23) {                                    // ≥ 65536, inf or NaN
        o = x > 0x7f800000u ? 0x7e00 : 0x7c00;
    } else if (x < (113u) << 23) {                                    // subnormal or zero result
        o = bits_of(float_of(x) + float_of(126u << 23)) - (126u << 23);
    } else {
        const uint32_t odd = (x >> 13) & 1;
        x += ((uint32_t)(15 - 127) << 23) + 0xfff + odd;
        o = x >> 13;
    }
    return (uint16_t)(o | sign);
}

static inline uint16_t narrow_bf16_scalar(float f) {
    const uint32_t u = bits_of(f);
    if ((u & 0x7fffffffu) > 0x7f800000u) return (uint16_t)((u >> 16) | 0x40);   // quiet NaN
    return (uint16_t)((u + 0x7fff + ((u >> 16) & 1)) >> 16);
}

#if defined(__x86_64__)
#include <immintrin.h>

int easel_cpu_has_f16c(void) { return __builtin_cpu_supports("f16c") && __builtin_cpu_supports("avx2"); }

__attribute__((target("avx2,f16c")))
static size_t widen_f16_f16c(const unsigned char *src, float *dst, size_t n) {
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        const __m256 a = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(src + 2 * i)));
        const __m256 b = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(src + 2 * i + 16)));
        const __m256 c = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(src + 2 * i + 32)));
        const __m256 d = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(src + 2 * i + 48)));
        _mm256_storeu_ps(dst + i, a);
        _mm256_storeu_ps(dst + i + 8, b);
        _mm256_storeu_ps(dst + i + 16, c);
        _mm256_storeu_ps(dst + i + 24, d);
    }
    for (; i + 8 <= n; i += 8) _mm256_storeu_ps(dst + i, _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(src + 2 * i))));
    return i;
}

__attribute__((target("avx2")))
static size_t widen_bf16_avx2(const unsigned char *src, float *dst, size_t n) {
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        const __m256i a = _mm256_cvtepu16_epi32(_mm_loadu_si128((const __m128i *)(src + 2 * i)));
        const __m256i b = _mm256_cvtepu16_epi32(_mm_loadu_si128((const __m128i *)(src + 2 * i + 16)));
        _mm256_storeu_si256((__m256i *)(dst + i), _mm256_slli_epi32(a, 16));
        _mm256_storeu_si256((__m256i *)(dst + i + 8), _mm256_slli_epi32(b, 16));
    }
    return i;
}

__attribute__((target("avx2,f16c")))
static size_t narrow_f16_f16c(const float *src, unsigned char *dst, size_t n) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m128i h = _mm256_cvtps_ph(_mm256_loadu_ps(src + i), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
        _mm_storeu_si128((__m128i *)(dst + 2 * i), h);
    }
    return i;
}
#else
int easel_cpu_has_f16c(void) { return 0; }
static size_t widen_f16_f16c(const unsigned char *src, float *dst, size_t n) { (void)src; (void)dst; (void)n; return 0; }
static size_t widen_bf16_avx2(const unsigned char *src, float *dst, size_t n) { (void)src; (void)dst; (void)n; return 0; }
static size_t narrow_f16_f16c(const float *src, unsigned char *dst, size_t n) { (void)src; (void)dst; (void)n; return 0; }
#endif

static int vector_ok(void) {
    static int checked = -1;
    if (checked < 0) checked = easel_cpu_has_f16c();
    return checked;
}

void easel_widen_f16(const void *source, float *dst, size_t n) {
    const unsigned char *src = source;
    size_t i = vector_ok() ? widen_f16_f16c(src, dst, n) : 0;
    for (; i < n; i++) dst[i] = widen_f16_scalar(load16(src, i));
}

void easel_widen_bf16(const void *source, float *dst, size_t n) {
    const unsigned char *src = source;
    size_t i = vector_ok() ? widen_bf16_avx2(src, dst, n) : 0;
    for (; i < n; i++) dst[i] = float_of((uint32_t)load16(src, i) << 16);
}

void easel_narrow_f16(const float *src, void *destination, size_t n) {
    unsigned char *dst = destination;
    size_t i = vector_ok() ? narrow_f16_f16c(src, dst, n) : 0;
    for (; i < n; i++) store16(dst, i, narrow_f16_scalar(src[i]));
}

void easel_narrow_bf16(const float *src, void *destination, size_t n) {
    unsigned char *dst = destination;
    for (size_t i = 0; i < n; i++) store16(dst, i, narrow_bf16_scalar(src[i]));
}

void easel_widen_f16_scalar(const void *source, float *dst, size_t n) {
    const unsigned char *src = source;
    for (size_t i = 0; i < n; i++) dst[i] = widen_f16_scalar(load16(src, i));
}

void easel_narrow_f16_scalar(const float *src, void *destination, size_t n) {
    unsigned char *dst = destination;
    for (size_t i = 0; i < n; i++) store16(dst, i, narrow_f16_scalar(src[i]));
}
