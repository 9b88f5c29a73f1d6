// CKernels: the bf16 GEMM of Easel's fast mode (AVX-512 BF16 `vdpbf16ps`, fp32 accumulation),
// the softmax exponentials of the attention kernels (AVX-512F), and the CPU checks that guard
// them. Swift cannot emit `vdpbf16ps`, so this small C target holds
// the kernel; everything else stays in Swift. Call nothing here except
// `easel_cpu_has_avx512_bf16` unless that returned 1.
//
// C[m, n] (+)= Σ_k A[m, k] · B[k, n], with A and B rounded to bfloat16 (round to nearest even)
// and products summed in fp32. Each operand is either pre-packed once (weights) or read from
// fp32 memory and packed block by block while the GEMM runs (activations).
//
// Packed layouts, in 32-bit words each holding the bf16 pair (X[2p], X[2p+1]) along k:
//   A: [ceil(M/6) panels][ceil(K/2) pairs][6 rows]
//   B: [ceil(N/64) panels][ceil(K/2) pairs][64 columns]
// Rows, columns and the odd last k are padded with zeros.
#ifndef EASEL_CKERNELS_H
#define EASEL_CKERNELS_H

#include <stddef.h>
#include <stdint.h>

#include "sha256.h"

#define EASEL_BF16_MR 6
#define EASEL_BF16_NR 64

/// 1 when the CPU and the OS support AVX-512 F/BW/VL and AVX512_BF16 (CPUID leaf 7, XGETBV).
int easel_cpu_has_avx512_bf16(void);

/// An fp32 operand read while the GEMM runs. Matrix element (k, i) — i is the row m of A or the
/// column n of B — lies at data[k * stride_k + i * stride_other]. When conv_channels > 0 (B
/// only) the operand is instead the implicit im2col matrix of an NCHW input: k = (c, ky, kx),
/// n = (item, y, x) over out_plane = out_height · out_width pixels per item, and
/// B[k, n] = data[item·item_stride + c·height·width + iy·width + ix] with
/// iy = y·stride − pad_top + ky, ix = x·stride − pad_left + kx (0 outside the image).
typedef struct EaselSource {
    const float *data;
    long stride_k, stride_other;
    int conv_channels, height, width, kernel_h, kernel_w, stride, pad_top, pad_left;
    int out_width, out_plane;
    long item_stride;
} EaselSource;

/// Words needed for a packed A of m×k or a packed B of k×n.
size_t easel_bf16_packed_a_words(int m, int k);
size_t easel_bf16_packed_b_words(int k, int n);

/// Packs A[m, k] (element at a[m·stride_m + k·stride_k]) into the A layout.
void easel_bf16_pack_a(const float *a, long stride_m, long stride_k, int m, int k, uint32_t *out);
/// Packs columns [n0, n1) of a B operand read from `s` (n0 a multiple of 64) into the B layout
/// of the whole k×n matrix, so a product whose workers split the rows packs B once.
void easel_bf16_pack_b_source(const EaselSource *s, int k, int n, int n0, int n1, uint32_t *out);
/// Unpacks an A-layout operand back to fp32: out[m·k + kk] = A[m, kk] (the bf16 values widened).
void easel_bf16_unpack_a(const uint32_t *packed, int m, int k, float *out);
/// Packs B[k, n] (element at b[k·stride_k + n·stride_n]) into the B layout.
void easel_bf16_pack_b(const float *b, long stride_k, long stride_n, int k, int n, uint32_t *out);

/// C[m, n] for m in [m0, m1), n in [n0, n1) of an M×N×K product; C(m, n) at c[m·ldc + n].
/// Exactly one of a_packed / a_source and one of b_packed / b_source is non-NULL. With
/// accumulate != 0 the product is added to C, else C is overwritten. m0 must be a multiple of
/// 6 and n0 of 64 (so ranges split between threads on panel boundaries). Thread-safe: each
/// thread packs into its own buffers (kept per thread between calls).
void easel_bf16_gemm(int m, int n, int k,
                     const uint32_t *a_packed, const EaselSource *a_source,
                     const uint32_t *b_packed, const EaselSource *b_source,
                     int m0, int m1, int n0, int n1,
                     float *c, long ldc, int accumulate);

/// 1 when the CPU has AVX-512F (for `easel_softmax_exp_row`).
int easel_cpu_has_avx512f(void);

/// row[0..<valid] becomes exp(scale·(row − max)), row[valid..<width] becomes 0; returns
/// 1 / Σ exp. (One softmax row without the division; scale > 0.) Needs AVX-512F.
float easel_softmax_exp_row(float *row, int valid, int width, float scale);
/// 1 when the CPU has AVX2 and FMA (for `easel_softmax_exp_row_avx2`).
int easel_cpu_has_avx2_fma(void);
/// `easel_softmax_exp_row` in AVX2 + FMA. Needs AVX2 and FMA.
float easel_softmax_exp_row_avx2(float *row, int valid, int width, float scale);

// Winograd F(4×4, 3×3) transforms (winograd.c) for stride-1, padding-1 3×3 convolutions of
// an NCHW image split into tiles_h × tiles_w tiles of 4×4 outputs. ξ = 6i + j indexes the 36
// transform-domain points (i along y, j along x).

/// u[ξ·xi_stride + co·cin + ci] = (G g Gᵀ)[ξ] for filters co in [co0, co1) of g [cout, cin, 3, 3].
void easel_winograd43_filter(const float *g, int cout, int cin, int co0, int co1, float *u, long xi_stride);

/// Scratch floats one thread needs for `easel_winograd43_input` / `_output`.
size_t easel_winograd43_scratch_floats(int tiles_w);
size_t easel_winograd43_output_scratch_floats(int tiles_w);

/// v[ξ·xi_stride + c·c_stride + (ty − ty0)·tiles_w + tx] = (Bᵀ d B)[ξ] for the 6×6 input tiles
/// d of channels [c0, c1) and tile rows [ty0, ty1) of x [C, height, width] (zero outside).
void easel_winograd43_input(const float *x, int height, int width, int tiles_w, int ty0, int ty1, int c0, int c1,
                            float *v, long xi_stride, long c_stride, float *scratch);

/// out[co, y, x] = (Aᵀ M A)[y mod 4, x mod 4] + bias[co] (+ residual[co, y, x]) for channels
/// [co0, co1) and tile rows [ty0, ty1), where M[ξ] = m[ξ·xi_stride + co·co_stride + tile];
/// outputs beyond height × width are dropped. bias and residual may be NULL; residual may
/// equal out.
void easel_winograd43_output(const float *m, long xi_stride, long co_stride, int height, int width, int tiles_w,
                             int ty0, int ty1, int co0, int co1, const float *bias, const float *residual,
                             float *out, float *scratch);

// 16-bit float conversion (half_convert.c) for half-stored weights: F16C/AVX2 where the CPU has
// them (checked once at run time), portable scalar code otherwise. The 16-bit data may have any
// alignment. Widening is exact; narrowing rounds to nearest even (NaN stays NaN).

/// 1 when the CPU has F16C and AVX2 (the vector paths below).
int easel_cpu_has_f16c(void);
/// dst[i] = the fp16 / bfloat16 value source[i], for i < n.
void easel_widen_f16(const void *source, float *dst, size_t n);
void easel_widen_bf16(const void *source, float *dst, size_t n);
/// destination[i] = src[i] rounded to fp16 / bfloat16, for i < n.
void easel_narrow_f16(const float *src, void *destination, size_t n);
void easel_narrow_bf16(const float *src, void *destination, size_t n);
/// The scalar fp16 paths alone (tests compare them with the vector ones).
void easel_widen_f16_scalar(const void *source, float *dst, size_t n);
void easel_narrow_f16_scalar(const float *src, void *destination, size_t n);

#endif
