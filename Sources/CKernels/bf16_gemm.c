// The bf16 GEMM of Easel's fast mode: a BLIS-style loop nest (Van Zee & van de Geijn, "BLIS: A
// Framework for Rapidly Instantiating BLAS Functionality", 2015) around a 6×64 register-tiled
// micro-kernel built on `vdpbf16ps` (Intel intrinsics guide, `_mm512_dpbf16_ps`): each
// instruction multiplies 16 lanes of bf16 pairs and adds both products to fp32 accumulators.
// fp32 → bf16 rounding is round-to-nearest-even on the bit pattern (the same as PyTorch's
// `c10::BFloat16` conversion for finite values).
#include "CKernels.h"

#if defined(__x86_64__)
#include "gemm_shared.h"

#define MR EASEL_BF16_MR
#define NR EASEL_BF16_NR
#ifndef KC
#define KC 256      // k per block (even): a B micro-panel is KC/2 · 64 words = 32 KiB
#endif
#define NC 768      // columns per packed B block when B is packed on the fly (≤ MAX_BLOCK_COLUMNS)
#define C_BLOCK_BYTES (256 * 1024)   // C block kept in L2 by the weights-first order
#define MC 288      // rows per packed A block when A is packed on the fly (multiple of MR)

#define TARGET __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq,avx512bf16")))

static inline uint32_t bf16_bits(float x) {
    uint32_t u;
    memcpy(&u, &x, 4);
    return (u + 0x7fff + ((u >> 16) & 1)) >> 16;
}

static inline uint32_t pair_bits(float lo, float hi) { return bf16_bits(lo) | (bf16_bits(hi) << 16); }

size_t easel_bf16_packed_a_words(int m, int k) {
    return (size_t)((m + MR - 1) / MR) * (size_t)((k + 1) / 2) * MR;
}

size_t easel_bf16_packed_b_words(int k, int n) {
    return (size_t)((n + NR - 1) / NR) * (size_t)((k + 1) / 2) * NR;
}

// A[m0.., k0..] rows m0..m0+rows, k0..k0+kc into [panels][kc/2][MR] (panel stride pstride words).
static void pack_a_block(const float *a, long sm, long sk, int m, int k, int m0, int rows, int k0, int kc,
                         uint32_t *out, size_t pstride) {
    const int pairs = (kc + 1) / 2;
    for (int i0 = 0; i0 < rows; i0 += MR) {
        uint32_t *panel = out + (size_t)(i0 / MR) * pstride;
        for (int i = 0; i < MR; i++) {
            const int row = m0 + i0 + i;
            if (row >= m) {
                for (int p = 0; p < pairs; p++) panel[p * MR + i] = 0;
                continue;
            }
            const float *src = a + (long)row * sm;
            for (int p = 0; p < pairs; p++) {
                const int kk = k0 + 2 * p;
                const float lo = src[(long)kk * sk];
                const float hi = kk + 1 < k ? src[(long)(kk + 1) * sk] : 0.0f;
                panel[p * MR + i] = pair_bits(lo, hi);
            }
        }
    }
}

// A rows with contiguous k (sk = 1) into row-major panels: panel i0/6 holds 6 rows of
// `pairs` words each (row i at panel + i·pairs), 32 floats converted per step.
TARGET __attribute__((noinline)) static void pack_a_rows(const float *a, long sm, int m, int k, int m0, int rows, int k0, int kc,
                               uint32_t *out, size_t pstride) {
    const int pairs = (kc + 1) / 2;
    for (int i0 = 0; i0 < rows; i0 += MR) {
        uint32_t *panel = out + (size_t)(i0 / MR) * pstride;
        for (int i = 0; i < MR; i++) {
            const int row = m0 + i0 + i;
            uint32_t *dst = panel + (size_t)i * pairs;
            if (row >= m) {
                memset(dst, 0, sizeof(uint32_t) * (size_t)pairs);
                continue;
            }
            const float *src = a + (long)row * sm + k0;
            for (int p = 0; p < pairs; p += 16) {
                const int left = kc - 2 * p;   // floats still to read
                const __mmask16 lo_mask = left >= 16 ? 0xffff : (__mmask16)((1u << left) - 1);
                const __mmask16 hi_mask = left >= 32 ? 0xffff : left <= 16 ? 0 : (__mmask16)((1u << (left - 16)) - 1);
                const __m512 lo = _mm512_maskz_loadu_ps(lo_mask, src + 2 * p);
                const __m512 hi = _mm512_maskz_loadu_ps(hi_mask, src + 2 * p + 16);
                const __m512i words = (__m512i)_mm512_cvtne2ps_pbh(hi, lo);
                const int n = pairs - p < 16 ? pairs - p : 16;
                _mm512_mask_storeu_epi32(dst + p, n >= 16 ? 0xffff : (__mmask16)((1u << n) - 1), words);
            }
        }
    }
}

void easel_bf16_pack_a(const float *a, long stride_m, long stride_k, int m, int k, uint32_t *out) {
    pack_a_block(a, stride_m, stride_k, m, k, 0, ((m + MR - 1) / MR) * MR, 0, k, out, (size_t)((k + 1) / 2) * MR);
}

void easel_bf16_unpack_a(const uint32_t *packed, int m, int k, float *out) {
    const size_t pairs = (size_t)((k + 1) / 2), pstride = pairs * MR;
    for (int row = 0; row < m; row++) {
        const uint32_t *panel = packed + (size_t)(row / MR) * pstride + row % MR;
        float *dst = out + (size_t)row * k;
        for (int kk = 0; kk < k; kk++) {
            const uint32_t word = panel[(size_t)(kk / 2) * MR];
            const uint32_t bits = (kk & 1 ? word & 0xffff0000u : word << 16);
            memcpy(dst + kk, &bits, 4);
        }
    }
}

// Two rows of 16 fp32 values → 16 words (lo, hi) rounded to bf16.
TARGET static inline __m512i pair16(__m512 lo, __m512 hi) {
    const __m512i one = _mm512_set1_epi32(1), bias = _mm512_set1_epi32(0x7fff);
    __m512i u0 = _mm512_castps_si512(lo), u1 = _mm512_castps_si512(hi);
    u0 = _mm512_add_epi32(u0, _mm512_add_epi32(bias, _mm512_and_si512(_mm512_srli_epi32(u0, 16), one)));
    u1 = _mm512_add_epi32(u1, _mm512_add_epi32(bias, _mm512_and_si512(_mm512_srli_epi32(u1, 16), one)));
    return _mm512_or_si512(_mm512_and_si512(u1, _mm512_set1_epi32((int)0xffff0000u)), _mm512_srli_epi32(u0, 16));
}

// B rows k0..k0+kc, columns n0..n0+cols (cols ≤ MAX_BLOCK_COLUMNS) into [panels][kc/2][NR].
// Row pairs are the outer loop, so the source is read along its rows (contiguous for
// activations) rather than down its columns.
TARGET __attribute__((noinline)) static void pack_b_block(const EaselSource *s, int k, int n, int k0, int kc, int n0,
                                                          int cols, uint32_t *out, size_t pstride) {
    const int pairs = (kc + 1) / 2;
    const int padded = (cols + NR - 1) / NR * NR;
    ColumnGroup groups[MAX_BLOCK_COLUMNS / 16];
    float rows[2][MAX_BLOCK_COLUMNS] __attribute__((aligned(64)));
    if (s->conv_channels > 0) conv_groups(s, n, n0, cols, padded, groups);
    for (int p = 0; p < pairs; p++) {
        const int kk = k0 + 2 * p;
        for (int r = 0; r < 2; r++) {
            if (kk + r >= k) memset(rows[r], 0, sizeof(float) * (size_t)padded);
            else source_row(s, kk + r, n, n0, cols, padded, groups, rows[r]);
        }
        for (int j = 0; j < padded; j += 16) {
            const __m512i words = pair16(_mm512_load_ps(rows[0] + j), _mm512_load_ps(rows[1] + j));
            _mm512_storeu_si512((void *)(out + (size_t)(j / NR) * pstride + (size_t)p * NR + j % NR), words);
        }
    }
}

void easel_bf16_pack_b_source(const EaselSource *s, int k, int n, int n0, int n1, uint32_t *out) {
    const size_t pstride = (size_t)((k + 1) / 2) * NR;
    for (int j0 = n0; j0 < n1; j0 += MAX_BLOCK_COLUMNS) {
        const int cols = n1 - j0 < MAX_BLOCK_COLUMNS ? n1 - j0 : MAX_BLOCK_COLUMNS;
        pack_b_block(s, k, n, 0, k, j0, cols, out + (size_t)(j0 / NR) * pstride, pstride);
    }
}

void easel_bf16_pack_b(const float *b, long stride_k, long stride_n, int k, int n, uint32_t *out) {
    const int pairs = (k + 1) / 2;
    for (int j0 = 0; j0 < n; j0 += NR) {
        uint32_t *panel = out + (size_t)(j0 / NR) * pairs * NR;
        for (int p = 0; p < pairs; p++) {
            for (int j = 0; j < NR; j++) {
                const int col = j0 + j, kk = 2 * p;
                float lo = 0, hi = 0;
                if (col < n) {
                    lo = b[(long)kk * stride_k + (long)col * stride_n];
                    if (kk + 1 < k) hi = b[(long)(kk + 1) * stride_k + (long)col * stride_n];
                }
                panel[p * NR + j] = pair_bits(lo, hi);
            }
        }
    }
}

#define ROW(i)                                                                                           \
    {                                                                                                    \
        const __m512bh ai = (__m512bh)_mm512_set1_epi32((int)a##i[p * a_ps]);                           \
        c##i##0 = _mm512_dpbf16_ps(c##i##0, ai, b0);                                                     \
        c##i##1 = _mm512_dpbf16_ps(c##i##1, ai, b1);                                                     \
        c##i##2 = _mm512_dpbf16_ps(c##i##2, ai, b2);                                                     \
        c##i##3 = _mm512_dpbf16_ps(c##i##3, ai, b3);                                                     \
    }

#define STORE(i)                                                                                         \
    if (i < rows) {                                                                                      \
        float *row = out + (long)i * ldo;                                                                \
        if (accumulate) {                                                                                \
            c##i##0 = _mm512_add_ps(c##i##0, _mm512_loadu_ps(row));                                      \
            c##i##1 = _mm512_add_ps(c##i##1, _mm512_loadu_ps(row + 16));                                 \
            c##i##2 = _mm512_add_ps(c##i##2, _mm512_loadu_ps(row + 32));                                 \
            c##i##3 = _mm512_add_ps(c##i##3, _mm512_loadu_ps(row + 48));                                 \
        }                                                                                                \
        _mm512_storeu_ps(row, c##i##0);                                                                  \
        _mm512_storeu_ps(row + 16, c##i##1);                                                             \
        _mm512_storeu_ps(row + 32, c##i##2);                                                             \
        _mm512_storeu_ps(row + 48, c##i##3);                                                             \
    }

// C tile (rows ≤ 6, cols ≤ 64) (+)= A panel · B panel [pairs][64]; A's pair p of row i is
// a[i·a_rs + p·a_ps] (a_rs = 1, a_ps = 6 for the packed layout [pairs][6]; a_rs = pairs,
// a_ps = 1 for row-major panels of activations).
TARGET __attribute__((noinline)) static void micro_kernel(int pairs, const uint32_t *a, long a_rs, long a_ps, const uint32_t *b, float *c,
                                long ldc, int rows, int cols, int accumulate) {
    const uint32_t *a0 = a, *a1 = a + a_rs, *a2 = a + 2 * a_rs, *a3 = a + 3 * a_rs, *a4 = a + 4 * a_rs,
                   *a5 = a + 5 * a_rs;
    __m512 c00 = _mm512_setzero_ps(), c01 = c00, c02 = c00, c03 = c00;
    __m512 c10 = c00, c11 = c00, c12 = c00, c13 = c00;
    __m512 c20 = c00, c21 = c00, c22 = c00, c23 = c00;
    __m512 c30 = c00, c31 = c00, c32 = c00, c33 = c00;
    __m512 c40 = c00, c41 = c00, c42 = c00, c43 = c00;
    __m512 c50 = c00, c51 = c00, c52 = c00, c53 = c00;
    for (int p = 0; p < pairs; p++) {
        const uint32_t *bp = b + (size_t)p * NR;
        const __m512bh b0 = (__m512bh)_mm512_loadu_si512((const void *)bp);
        const __m512bh b1 = (__m512bh)_mm512_loadu_si512((const void *)(bp + 16));
        const __m512bh b2 = (__m512bh)_mm512_loadu_si512((const void *)(bp + 32));
        const __m512bh b3 = (__m512bh)_mm512_loadu_si512((const void *)(bp + 48));
        ROW(0) ROW(1) ROW(2) ROW(3) ROW(4) ROW(5)
    }
    float tile[MR * NR];
    float *out = c;
    long ldo = ldc;
    const int full = cols == NR;
    if (!full) {
        // Partial width: go through a local tile, then copy the valid columns.
        out = tile;
        ldo = NR;
        if (accumulate) {
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++) tile[i * NR + j] = c[(long)i * ldc + j];
        }
    }
    STORE(0) STORE(1) STORE(2) STORE(3) STORE(4) STORE(5)
    if (!full) {
        for (int i = 0; i < rows; i++) memcpy(c + (long)i * ldc, tile + i * NR, (size_t)cols * sizeof(float));
    }
}

// Columns per B block when the weights (A) are packed and the activations (B) are packed on
// the fly: as many as keep the C block (m × nc fp32) within 256 KiB of L2 (beside the B block),
// so all of k accumulates into C while it is in cache (64 … MAX_BLOCK_COLUMNS, whole panels).
static int weights_block_columns(int rows) {
    int nc = (C_BLOCK_BYTES / 4) / (rows > 0 ? rows : 1) / NR * NR;
    return nc < NR ? NR : nc > MAX_BLOCK_COLUMNS ? MAX_BLOCK_COLUMNS : nc;
}

// Packed weights × activations (a convolution) with few output channels: per block of
// columns, all of k, so each C block is finished while it is in cache. With many rows the
// weights no longer stay in cache across column blocks, and the general order wins (measured:
// 128 rows 299 vs 264 GFLOP/s on one core, 320 rows 392 vs 458).
#define WEIGHTS_FIRST_MAX_ROWS 192
TARGET static void gemm_weights_first(int n, int k, const uint32_t *a_packed, const EaselSource *b_source,
                                      int m0, int m1, int n0, int n1, float *c, long ldc, int accumulate) {
    const size_t kpairs = (size_t)((k + 1) / 2);
    const int rows = m1 - m0, nc = weights_block_columns(rows);
    uint32_t *b_buffer = scratch(1, (size_t)((nc + NR - 1) / NR) * (KC / 2) * NR);
    for (int jc = n0; jc < n1; jc += nc) {
        const int cols = n1 - jc < nc ? n1 - jc : nc;
        for (int pc = 0; pc < k; pc += KC) {
            const int kc = k - pc < KC ? k - pc : KC;
            const int pairs = (kc + 1) / 2;
            const size_t b_stride = (size_t)pairs * NR;
            pack_b_block(b_source, k, n, pc, kc, jc, cols, b_buffer, b_stride);
            const int acc = accumulate || pc > 0;
            for (int jr = 0; jr < cols; jr += NR) {
                const uint32_t *bp = b_buffer + (size_t)(jr / NR) * b_stride;
                const int w = cols - jr < NR ? cols - jr : NR;
                for (int ir = 0; ir < rows; ir += MR) {
                    const uint32_t *ap = a_packed + ((size_t)((m0 + ir) / MR) * kpairs + (size_t)(pc / 2)) * MR;
                    const int h = rows - ir < MR ? rows - ir : MR;
                    micro_kernel(pairs, ap, 1, MR, bp, c + (long)(m0 + ir) * ldc + jc + jr, ldc, h, w, acc);
                }
            }
        }
    }
}

TARGET void easel_bf16_gemm(int m, int n, int k, const uint32_t *a_packed, const EaselSource *a_source,
                            const uint32_t *b_packed, const EaselSource *b_source, int m0, int m1, int n0, int n1,
                            float *c, long ldc, int accumulate) {
    if (m1 <= m0 || n1 <= n0) return;
    if (k <= 0) {
        if (!accumulate)
            for (int i = m0; i < m1; i++) memset(c + (long)i * ldc + n0, 0, (size_t)(n1 - n0) * sizeof(float));
        return;
    }
    if (a_packed && b_source && m1 - m0 <= WEIGHTS_FIRST_MAX_ROWS) {
        gemm_weights_first(n, k, a_packed, b_source, m0, m1, n0, n1, c, ldc, accumulate);
        return;
    }
    const size_t kpairs = (size_t)((k + 1) / 2);
    const int mc = a_packed ? m1 - m0 : MC;
    const int nc = b_packed ? n1 - n0 : NC;
    uint32_t *a_buffer = NULL, *b_buffer = NULL;
    if (!a_packed) a_buffer = scratch(0, (size_t)((mc + MR - 1) / MR) * (KC / 2) * MR);
    if (!b_packed) b_buffer = scratch(1, (size_t)((nc + NR - 1) / NR) * (KC / 2) * NR);
    for (int ic = m0; ic < m1; ic += mc) {
        const int rows = m1 - ic < mc ? m1 - ic : mc;
        for (int pc = 0; pc < k; pc += KC) {
            const int kc = k - pc < KC ? k - pc : KC;
            const int pairs = (kc + 1) / 2;
            const uint32_t *a_block;
            size_t a_stride;
            long a_rs = 1, a_ps = MR;
            if (a_packed) {
                a_block = a_packed + ((size_t)(ic / MR) * kpairs + (size_t)(pc / 2)) * MR;
                a_stride = kpairs * MR;
            } else if (a_source->stride_k == 1) {
                a_stride = (size_t)pairs * MR;
                a_rs = pairs;
                a_ps = 1;
                pack_a_rows(a_source->data, a_source->stride_other, m, k, ic, ((rows + MR - 1) / MR) * MR, pc, kc,
                            a_buffer, a_stride);
                a_block = a_buffer;
            } else {
                a_stride = (size_t)pairs * MR;
                pack_a_block(a_source->data, a_source->stride_other, a_source->stride_k, m, k, ic,
                             ((rows + MR - 1) / MR) * MR, pc, kc, a_buffer, a_stride);
                a_block = a_buffer;
            }
            const int acc = accumulate || pc > 0;
            for (int jc = n0; jc < n1; jc += nc) {
                const int cols = n1 - jc < nc ? n1 - jc : nc;
                const uint32_t *b_block;
                size_t b_stride;
                if (b_packed) {
                    b_block = b_packed + ((size_t)(jc / NR) * kpairs + (size_t)(pc / 2)) * NR;
                    b_stride = kpairs * NR;
                } else {
                    b_stride = (size_t)pairs * NR;
                    pack_b_block(b_source, k, n, pc, kc, jc, cols, b_buffer, b_stride);
                    b_block = b_buffer;
                }
                for (int jr = 0; jr < cols; jr += NR) {
                    const uint32_t *bp = b_block + (size_t)(jr / NR) * b_stride;
                    const int w = cols - jr < NR ? cols - jr : NR;
                    for (int ir = 0; ir < rows; ir += MR) {
                        const uint32_t *ap = a_block + (size_t)(ir / MR) * a_stride;
                        const int h = rows - ir < MR ? rows - ir : MR;
                        micro_kernel(pairs, ap, a_rs, a_ps, bp, c + (long)(ic + ir) * ldc + jc + jr, ldc, h, w, acc);
                    }
                }
            }
        }
    }
}

#else
size_t easel_bf16_packed_a_words(int m, int k) { (void)m; (void)k; return 0; }
size_t easel_bf16_packed_b_words(int k, int n) { (void)k; (void)n; return 0; }
void easel_bf16_pack_a(const float *a, long sm, long sk, int m, int k, uint32_t *out) {
    (void)a; (void)sm; (void)sk; (void)m; (void)k; (void)out;
}
void easel_bf16_pack_b(const float *b, long sk, long sn, int k, int n, uint32_t *out) {
    (void)b; (void)sk; (void)sn; (void)k; (void)n; (void)out;
}
void easel_bf16_unpack_a(const uint32_t *packed, int m, int k, float *out) {
    (void)packed; (void)m; (void)k; (void)out;
}
void easel_bf16_pack_b_source(const EaselSource *s, int k, int n, int n0, int n1, uint32_t *out) {
    (void)s; (void)k; (void)n; (void)n0; (void)n1; (void)out;
}
void easel_bf16_gemm(int m, int n, int k, const uint32_t *a_packed, const EaselSource *a_source,
                     const uint32_t *b_packed, const EaselSource *b_source, int m0, int m1, int n0, int n1,
                     float *c, long ldc, int accumulate) {
    (void)m; (void)n; (void)k; (void)a_packed; (void)a_source; (void)b_packed; (void)b_source;
    (void)m0; (void)m1; (void)n0; (void)n1; (void)c; (void)ldc; (void)accumulate;
}
#endif
