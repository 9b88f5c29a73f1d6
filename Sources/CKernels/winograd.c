// The transforms of Winograd's minimal filtering algorithm F(4×4, 3×3) for Easel's precise
// (fp32) 3×3 convolutions. Reference: Lavin & Gray, "Fast Algorithms for Convolutional Neural
// Networks" (CVPR 2016), section 4.2, with interpolation points 0, ±1, ±2 and ∞:
//
//   Y = Aᵀ [ (G g Gᵀ) ⊙ (Bᵀ d B) ] A        d: 6×6 input tile, g: 3×3 filter, Y: 4×4 output
//
//   Bᵀ = [ 4  0 -5  0  1  0 ]   G = [  1/4     0     0  ]   Aᵀ = [ 1  1  1  1  1  0 ]
//        [ 0 -4 -4  1  1  0 ]       [ -1/6  -1/6  -1/6  ]        [ 0  1 -1  2 -2  0 ]
//        [ 0  4 -4 -1  1  0 ]       [ -1/6   1/6  -1/6  ]        [ 0  1  1  4  4  0 ]
//        [ 0 -2 -1  2  1  0 ]       [ 1/24  1/12   1/6  ]        [ 0  1 -1  8 -8  1 ]
//        [ 0  2 -1 -2  1  0 ]       [ 1/24 -1/12   1/6  ]
//        [ 0  4  0 -5  0  1 ]       [   0     0     1   ]
//
// The element-wise product over all channels is 36 GEMMs, done by the caller with OpenBLAS.
// Every transform here runs along a row of tiles, so the loops over tiles are contiguous and
// vectorise; `target_clones` builds AVX-512, AVX2 and baseline versions, picked at load time.
#include "CKernels.h"

#include <string.h>

#if defined(__x86_64__) && defined(__clang__)
#define CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define CLONES
#endif

// One row of Bᵀ applied to six values.
#define BT0(d0, d1, d2, d3, d4, d5) (4.0f * (d0) - 5.0f * (d2) + (d4))
#define BT1(d0, d1, d2, d3, d4, d5) (-4.0f * ((d1) + (d2)) + (d3) + (d4))
#define BT2(d0, d1, d2, d3, d4, d5) (4.0f * ((d1) - (d2)) - (d3) + (d4))
#define BT3(d0, d1, d2, d3, d4, d5) (2.0f * ((d3) - (d1)) - (d2) + (d4))
#define BT4(d0, d1, d2, d3, d4, d5) (2.0f * ((d1) - (d3)) - (d2) + (d4))
#define BT5(d0, d1, d2, d3, d4, d5) (4.0f * (d1) - 5.0f * (d3) + (d5))

// Bᵀ applied to (d0 … d5), the six results stored `stride` floats apart.
static inline void apply_bt(float d0, float d1, float d2, float d3, float d4, float d5, float *o, long stride) {
    o[0 * stride] = BT0(d0, d1, d2, d3, d4, d5);
    o[1 * stride] = BT1(d0, d1, d2, d3, d4, d5);
    o[2 * stride] = BT2(d0, d1, d2, d3, d4, d5);
    o[3 * stride] = BT3(d0, d1, d2, d3, d4, d5);
    o[4 * stride] = BT4(d0, d1, d2, d3, d4, d5);
    o[5 * stride] = BT5(d0, d1, d2, d3, d4, d5);
}

// G g Gᵀ for up to 16 input channels of one filter row at a time, lanes l = ci − ci0, so the
// arithmetic vectorises across channels and each ξ gets one contiguous store.
CLONES
static void filter_block(const float *restrict g, int lanes, float *restrict u, long xi_stride) {
    float k[9][16], t[6][3][16];
    for (int l = 0; l < lanes; l++)
        for (int e = 0; e < 9; e++) k[e][l] = g[l * 9 + e];
    for (int l = lanes; l < 16; l++)
        for (int e = 0; e < 9; e++) k[e][l] = 0;
    for (int c = 0; c < 3; c++) {   // G g: rows of G against the filter's columns
        for (int l = 0; l < 16; l++) {
            const float k0 = k[c][l], k1 = k[3 + c][l], k2 = k[6 + c][l];
            t[0][c][l] = 0.25f * k0;
            t[1][c][l] = -(k0 + k1 + k2) * (1.0f / 6.0f);
            t[2][c][l] = -(k0 - k1 + k2) * (1.0f / 6.0f);
            t[3][c][l] = k0 * (1.0f / 24.0f) + k1 * (1.0f / 12.0f) + k2 * (1.0f / 6.0f);
            t[4][c][l] = k0 * (1.0f / 24.0f) - k1 * (1.0f / 12.0f) + k2 * (1.0f / 6.0f);
            t[5][c][l] = k2;
        }
    }
    for (int i = 0; i < 6; i++) {   // (G g) Gᵀ: the same rows of G along the other axis
        float row[6][16];
        for (int l = 0; l < 16; l++) {
            const float r0 = t[i][0][l], r1 = t[i][1][l], r2 = t[i][2][l];
            row[0][l] = 0.25f * r0;
            row[1][l] = -(r0 + r1 + r2) * (1.0f / 6.0f);
            row[2][l] = -(r0 - r1 + r2) * (1.0f / 6.0f);
            row[3][l] = r0 * (1.0f / 24.0f) + r1 * (1.0f / 12.0f) + r2 * (1.0f / 6.0f);
            row[4][l] = r0 * (1.0f / 24.0f) - r1 * (1.0f / 12.0f) + r2 * (1.0f / 6.0f);
            row[5][l] = r2;
        }
        for (int j = 0; j < 6; j++) memcpy(u + (long)(i * 6 + j) * xi_stride, row[j], sizeof(float) * lanes);
    }
}

void easel_winograd43_filter(const float *g, int cout, int cin, int co0, int co1, float *u, long xi_stride) {
    for (int co = co0; co < co1; co++) {
        for (int ci = 0; ci < cin; ci += 16) {
            const int lanes = cin - ci < 16 ? cin - ci : 16;
            filter_block(g + ((long)co * cin + ci) * 9, lanes, u + (long)co * cin + ci, xi_stride);
        }
    }
}

// Bᵀ along x for one input row: h[j·tiles_w + tx] = (Bᵀ applied to row[4·tx .. 4·tx+5])_j,
// where `row` is the zero-padded input row (row[p] = input x = p − 1).
CLONES
static void input_row(const float *restrict row, int tiles_w, float *restrict h) {
    for (int tx = 0; tx < tiles_w; tx++) {
        const float *d = row + 4 * tx;
        apply_bt(d[0], d[1], d[2], d[3], d[4], d[5], h + tx, tiles_w);
    }
}

// Bᵀ along y: v_i = Σ_r Bᵀ[i][r] h_r for six rows of tiles_w values.
CLONES
static void input_columns(const float *restrict h, int n, float *restrict out, long xi_stride6, long xi_stride) {
    const float *h0 = h, *h1 = h + 6 * n, *h2 = h + 12 * n, *h3 = h + 18 * n, *h4 = h + 24 * n, *h5 = h + 30 * n;
    for (int j = 0; j < 6; j++) {
        float *o = out + j * xi_stride;
        for (int t = 0; t < n; t++) {
            const int q = j * n + t;
            apply_bt(h0[q], h1[q], h2[q], h3[q], h4[q], h5[q], o + t, xi_stride6);
        }
    }
}

size_t easel_winograd43_scratch_floats(int tiles_w) {
    return (size_t)(4 * tiles_w + 2) + (size_t)36 * tiles_w;
}

void easel_winograd43_input(const float *x, int height, int width, int tiles_w, int ty0, int ty1, int c0, int c1,
                            float *v, long xi_stride, long c_stride, float *scratch) {
    const int padded = 4 * tiles_w + 2;
    float *row = scratch, *h = scratch + padded;
    for (int c = c0; c < c1; c++) {
        const float *plane = x + (long)c * height * width;
        for (int ty = ty0; ty < ty1; ty++) {
            for (int r = 0; r < 6; r++) {
                const int iy = 4 * ty - 1 + r;
                if (iy < 0 || iy >= height) {
                    memset(row, 0, sizeof(float) * padded);
                } else {
                    row[0] = 0;
                    const int n = width < padded - 1 ? width : padded - 1;
                    memcpy(row + 1, plane + (long)iy * width, sizeof(float) * n);
                    if (1 + n < padded) memset(row + 1 + n, 0, sizeof(float) * (padded - 1 - n));
                }
                input_row(row, tiles_w, h + (long)r * 6 * tiles_w);
            }
            // Tile (ty, tx) of the band is column (ty − ty0)·tiles_w + tx; ξ = 6i + j.
            float *dst = v + (long)c * c_stride + (long)(ty - ty0) * tiles_w;
            input_columns(h, tiles_w, dst, 6 * xi_stride, xi_stride);
        }
    }
}

// One row of Aᵀ applied to six values.
#define AT0(m0, m1, m2, m3, m4, m5) ((m0) + (m1) + (m2) + (m3) + (m4))
#define AT1(m0, m1, m2, m3, m4, m5) ((m1) - (m2) + 2.0f * ((m3) - (m4)))
#define AT2(m0, m1, m2, m3, m4, m5) ((m1) + (m2) + 4.0f * ((m3) + (m4)))
#define AT3(m0, m1, m2, m3, m4, m5) ((m1) - (m2) + 8.0f * ((m3) - (m4)) + (m5))

// Aᵀ along y then along x for one row of tiles of one output channel; writes the four output
// rows, 4·tiles_w values each, to rows[k·4·tiles_w + 4·tx + l].
CLONES
static void output_tiles(const float *restrict m, long xi_stride, int n, float *restrict s, float *restrict rows) {
    for (int j = 0; j < 6; j++) {   // s[k][j][t] = Σ_i Aᵀ[k][i] m[6i + j][t]
        const float *m0 = m + (long)(0 * 6 + j) * xi_stride, *m1 = m + (long)(1 * 6 + j) * xi_stride;
        const float *m2 = m + (long)(2 * 6 + j) * xi_stride, *m3 = m + (long)(3 * 6 + j) * xi_stride;
        const float *m4 = m + (long)(4 * 6 + j) * xi_stride, *m5 = m + (long)(5 * 6 + j) * xi_stride;
        for (int t = 0; t < n; t++) {
            const float a0 = m0[t], a1 = m1[t], a2 = m2[t], a3 = m3[t], a4 = m4[t], a5 = m5[t];
            s[(0 * 6 + j) * n + t] = AT0(a0, a1, a2, a3, a4, a5);
            s[(1 * 6 + j) * n + t] = AT1(a0, a1, a2, a3, a4, a5);
            s[(2 * 6 + j) * n + t] = AT2(a0, a1, a2, a3, a4, a5);
            s[(3 * 6 + j) * n + t] = AT3(a0, a1, a2, a3, a4, a5);
        }
    }
    for (int k = 0; k < 4; k++) {   // y[k][l] = Σ_j s[k][j] A[j][l]
        const float *s0 = s + (k * 6 + 0) * n, *s1 = s + (k * 6 + 1) * n, *s2 = s + (k * 6 + 2) * n;
        const float *s3 = s + (k * 6 + 3) * n, *s4 = s + (k * 6 + 4) * n, *s5 = s + (k * 6 + 5) * n;
        float *out = rows + (long)k * 4 * n;
        for (int t = 0; t < n; t++) {
            const float a0 = s0[t], a1 = s1[t], a2 = s2[t], a3 = s3[t], a4 = s4[t], a5 = s5[t];
            out[4 * t + 0] = AT0(a0, a1, a2, a3, a4, a5);
            out[4 * t + 1] = AT1(a0, a1, a2, a3, a4, a5);
            out[4 * t + 2] = AT2(a0, a1, a2, a3, a4, a5);
            out[4 * t + 3] = AT3(a0, a1, a2, a3, a4, a5);
        }
    }
}

CLONES
static void finish_row(const float *restrict src, const float *residual, float bias, float *dst,
                       int width) {
    if (residual) {
        for (int x = 0; x < width; x++) dst[x] = src[x] + bias + residual[x];
    } else {
        for (int x = 0; x < width; x++) dst[x] = src[x] + bias;
    }
}

size_t easel_winograd43_output_scratch_floats(int tiles_w) {
    return (size_t)24 * tiles_w + (size_t)16 * tiles_w;
}

void easel_winograd43_output(const float *m, long xi_stride, long co_stride, int height, int width, int tiles_w,
                             int ty0, int ty1, int co0, int co1, const float *bias, const float *residual,
                             float *out, float *scratch) {
    float *s = scratch, *rows = scratch + 24 * tiles_w;
    for (int co = co0; co < co1; co++) {
        const float b = bias ? bias[co] : 0.0f;
        const long plane = (long)co * height * width;
        for (int ty = ty0; ty < ty1; ty++) {
            output_tiles(m + (long)co * co_stride + (long)(ty - ty0) * tiles_w, xi_stride, tiles_w, s, rows);
            for (int k = 0; k < 4; k++) {
                const int y = 4 * ty + k;
                if (y >= height) break;
                const long at = plane + (long)y * width;
                finish_row(rows + (long)k * 4 * tiles_w, residual ? residual + at : NULL, b, out + at, width);
            }
        }
    }
}
