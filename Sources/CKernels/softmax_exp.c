// Softmax rows for the attention kernels: the exponentials of one row of scores and the
// inverse of their sum, in AVX-512F. exp is the Cephes `expf` method as in Easel's
// `VectorMath.exp` (Tensor/VectorMath.swift): clamp to [−87.3, 88.3], n = round(x/ln2) with the
// 1.5·2²³ trick, r = x − n·ln2 (ln2 in two parts), a degree-6 polynomial, then 2ⁿ from the
// exponent bits. Reference: Cephes Math Library, `expf.c`.
#include "CKernels.h"

#if defined(__x86_64__)
#include <immintrin.h>
#include <math.h>

#define TARGET __attribute__((target("avx512f")))

int easel_cpu_has_avx512f(void) { return __builtin_cpu_supports("avx512f"); }

TARGET static inline __m512 exp16(__m512 x) {
    x = _mm512_min_ps(_mm512_max_ps(x, _mm512_set1_ps(-87.3f)), _mm512_set1_ps(88.3f));
    const __m512 shifter = _mm512_set1_ps(12582912.0f);
    const __m512 shifted = _mm512_fmadd_ps(x, _mm512_set1_ps(1.44269504088896341f), shifter);
    const __m512 n = _mm512_sub_ps(shifted, shifter);
    __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(0.693359375f), x);
    r = _mm512_fnmadd_ps(n, _mm512_set1_ps(-2.12194440e-4f), r);
    __m512 p = _mm512_set1_ps(1.9875691500e-4f);
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.3981999507e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(8.3334519073e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(4.1665795894e-2f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.6666665459e-1f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(5.0000001201e-1f));
    const __m512 y = _mm512_add_ps(_mm512_fmadd_ps(_mm512_mul_ps(p, r), r, r), _mm512_set1_ps(1.0f));
    const __m512i bits = _mm512_slli_epi32(
        _mm512_add_epi32(_mm512_sub_epi32(_mm512_castps_si512(shifted), _mm512_set1_epi32(0x4B400000)),
                         _mm512_set1_epi32(127)), 23);
    return _mm512_mul_ps(y, _mm512_castsi512_ps(bits));
}

TARGET float easel_softmax_exp_row(float *row, int valid, int width, float scale) {
    __m512 m = _mm512_set1_ps(-INFINITY);
    int i = 0;
    for (; i + 16 <= valid; i += 16) m = _mm512_max_ps(m, _mm512_loadu_ps(row + i));
    const __mmask16 tail = (__mmask16)((1u << (valid - i)) - 1);
    if (i < valid) m = _mm512_max_ps(m, _mm512_mask_loadu_ps(_mm512_set1_ps(-INFINITY), tail, row + i));
    const __m512 max = _mm512_set1_ps(_mm512_reduce_max_ps(m)), factor = _mm512_set1_ps(scale);
    __m512 sum = _mm512_setzero_ps();
    for (i = 0; i + 16 <= valid; i += 16) {
        const __m512 e = exp16(_mm512_mul_ps(_mm512_sub_ps(_mm512_loadu_ps(row + i), max), factor));
        _mm512_storeu_ps(row + i, e);
        sum = _mm512_add_ps(sum, e);
    }
    if (i < valid) {
        const __m512 e = exp16(_mm512_mul_ps(_mm512_sub_ps(_mm512_maskz_loadu_ps(tail, row + i), max), factor));
        _mm512_mask_storeu_ps(row + i, tail, e);
        sum = _mm512_add_ps(sum, _mm512_maskz_mov_ps(tail, e));
    }
    for (int j = valid; j < width; j++) row[j] = 0;
    return 1.0f / _mm512_reduce_add_ps(sum);
}

// The same row in AVX2 + FMA (8 lanes), for CPUs without AVX-512 (AMD Zen 2/3, older Intel):
// the Swift SIMD fallback measured several times slower there too.
#define TARGET2 __attribute__((target("avx2,fma")))

int easel_cpu_has_avx2_fma(void) { return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"); }

TARGET2 static inline __m256 exp8(__m256 x) {
    x = _mm256_min_ps(_mm256_max_ps(x, _mm256_set1_ps(-87.3f)), _mm256_set1_ps(88.3f));
    const __m256 shifter = _mm256_set1_ps(12582912.0f);
    const __m256 shifted = _mm256_fmadd_ps(x, _mm256_set1_ps(1.44269504088896341f), shifter);
    const __m256 n = _mm256_sub_ps(shifted, shifter);
    __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
    r = _mm256_fnmadd_ps(n, _mm256_set1_ps(-2.12194440e-4f), r);
    __m256 p = _mm256_set1_ps(1.9875691500e-4f);
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.3981999507e-3f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(8.3334519073e-3f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(4.1665795894e-2f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.6666665459e-1f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(5.0000001201e-1f));
    const __m256 y = _mm256_add_ps(_mm256_fmadd_ps(_mm256_mul_ps(p, r), r, r), _mm256_set1_ps(1.0f));
    const __m256i bits = _mm256_slli_epi32(
        _mm256_add_epi32(_mm256_sub_epi32(_mm256_castps_si256(shifted), _mm256_set1_epi32(0x4B400000)),
                         _mm256_set1_epi32(127)), 23);
    return _mm256_mul_ps(y, _mm256_castsi256_ps(bits));
}

TARGET2 static inline float hmax8(__m256 v) {
    __m128 m = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    m = _mm_max_ps(m, _mm_movehl_ps(m, m));
    m = _mm_max_ss(m, _mm_shuffle_ps(m, m, 1));
    return _mm_cvtss_f32(m);
}

TARGET2 static inline float hsum8(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 1));
    return _mm_cvtss_f32(s);
}

TARGET2 float easel_softmax_exp_row_avx2(float *row, int valid, int width, float scale) {
    __m256 m = _mm256_set1_ps(-INFINITY);
    int i = 0;
    for (; i + 8 <= valid; i += 8) m = _mm256_max_ps(m, _mm256_loadu_ps(row + i));
    float max = hmax8(m);
    for (int j = i; j < valid; j++) max = row[j] > max ? row[j] : max;
    const __m256 vmax = _mm256_set1_ps(max), factor = _mm256_set1_ps(scale);
    __m256 sum = _mm256_setzero_ps();
    for (i = 0; i + 8 <= valid; i += 8) {
        const __m256 e = exp8(_mm256_mul_ps(_mm256_sub_ps(_mm256_loadu_ps(row + i), vmax), factor));
        _mm256_storeu_ps(row + i, e);
        sum = _mm256_add_ps(sum, e);
    }
    float total = hsum8(sum);
    if (i < valid) {   // the tail through one padded vector, so it gets the same exp as the rest
        float tail[8];
        for (int j = 0; j < 8; j++) tail[j] = i + j < valid ? row[i + j] : max;
        const __m256 e = exp8(_mm256_mul_ps(_mm256_sub_ps(_mm256_loadu_ps(tail), vmax), factor));
        _mm256_storeu_ps(tail, e);
        for (int j = 0; i + j < valid; j++) { row[i + j] = tail[j]; total += tail[j]; }
    }
    for (int j = valid; j < width; j++) row[j] = 0;
    return 1.0f / total;
}
#else
int easel_cpu_has_avx512f(void) { return 0; }
int easel_cpu_has_avx2_fma(void) { return 0; }
float easel_softmax_exp_row_avx2(float *row, int valid, int width, float scale) {
    (void)row; (void)valid; (void)width; (void)scale;
    return 0;
}
float easel_softmax_exp_row(float *row, int valid, int width, float scale) {
    (void)row; (void)valid; (void)width; (void)scale;
    return 0;
}
#endif
