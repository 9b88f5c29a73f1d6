// Pieces of the bf16 GEMM (bf16_gemm.c) that read B blocks of an `EaselSource` row by row
// (implicit im2col or strided), and the per-thread packing buffers.
#ifndef EASEL_GEMM_SHARED_H
#define EASEL_GEMM_SHARED_H

#include "CKernels.h"

#include <immintrin.h>
#include <stdlib.h>
#include <string.h>

#define SHARED_TARGET __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq")))
#define MAX_BLOCK_COLUMNS 1024

// Where the 16-column groups of a B block of an implicit-im2col source start: computed once
// per block, since every k row of the block shares them.
typedef struct {
    int valid, item, y, x, in_one_row;
} ColumnGroup;

// Row k of an implicit-im2col source over a block's column groups, into `row` (16 per group).
SHARED_TARGET __attribute__((noinline)) static void conv_row(const EaselSource *s, int k, const ColumnGroup *groups, int count, float *row) {
    const int taps = s->kernel_h * s->kernel_w;
    const int c = k / taps, ky = (k % taps) / s->kernel_w, kx = k % s->kernel_w;
    const long channel_offset = (long)c * s->height * s->width;
    for (int g = 0; g < count; g++) {
        const ColumnGroup q = groups[g];
        float *dst = row + 16 * g;
        if (q.valid == 0) {
            _mm512_storeu_ps(dst, _mm512_setzero_ps());
            continue;
        }
        const float *channel = s->data + (long)q.item * s->item_stride + channel_offset;
        if (q.in_one_row) {
            // Stride 1 within one output row: consecutive inputs of one input row.
            const int iy = q.y - s->pad_top + ky, ix = q.x - s->pad_left + kx;
            unsigned int mask = q.valid >= 16 ? 0xffffu : ((1u << q.valid) - 1);
            if (iy < 0 || iy >= s->height) mask = 0;
            if (ix < 0) mask &= ~((1u << (-ix < 16 ? -ix : 16)) - 1);
            const int over = ix + 16 - s->width;
            if (over > 0) mask &= over >= 16 ? 0 : (0xffffu >> over);
            _mm512_storeu_ps(dst, _mm512_maskz_loadu_ps((__mmask16)mask, channel + (long)iy * s->width + ix));
            continue;
        }
        int it = q.item, py = q.y, px = q.x;
        for (int j = 0; j < 16; j++) {
            float v = 0;
            if (j < q.valid) {
                const float *ch = s->data + (long)it * s->item_stride + channel_offset;
                const int iy = py * s->stride - s->pad_top + ky, ix = px * s->stride - s->pad_left + kx;
                if (iy >= 0 && iy < s->height && ix >= 0 && ix < s->width) v = ch[(long)iy * s->width + ix];
                if (++px == s->out_width) {
                    px = 0;
                    if (++py * s->out_width == s->out_plane) { py = 0; it++; }
                }
            }
            dst[j] = v;
        }
    }
}

// The column groups of a block of an implicit-im2col source: columns n0..n0+cols (padded to
// `padded`, a multiple of 16) of an n-column matrix.
static inline void conv_groups(const EaselSource *s, int n, int n0, int cols, int padded, ColumnGroup *groups) {
    for (int g = 0; g < padded / 16; g++) {
        const int col = n0 + 16 * g;
        int valid = n - col < 16 ? n - col : 16;
        if (16 * g >= cols || valid < 0) valid = 0;
        const int pixel = col % s->out_plane;
        groups[g] = (ColumnGroup){valid, col / s->out_plane, pixel / s->out_width, pixel % s->out_width, 0};
        groups[g].in_one_row = s->stride == 1 && groups[g].x + valid <= s->out_width;
    }
}

// Row k of a source over columns n0..n0+cols (0 past n and past cols), `padded` floats into
// `row`; `groups` must come from `conv_groups` for implicit-im2col sources.
SHARED_TARGET static inline void source_row(const EaselSource *s, int k, int n, int n0, int cols, int padded,
                                            const ColumnGroup *groups, float *row) {
    if (s->conv_channels > 0) {
        conv_row(s, k, groups, padded / 16, row);
        return;
    }
    const float *src = s->data + (long)k * s->stride_k;
    for (int j = 0; j < padded; j += 16) {
        const int col = n0 + j;
        int valid = n - col < 16 ? n - col : 16;
        if (j >= cols || valid < 0) valid = 0;
        __m512 v;
        if (s->stride_other == 1) {
            v = _mm512_maskz_loadu_ps(valid >= 16 ? 0xffff : (__mmask16)((1u << valid) - 1), src + col);
        } else {
            float tmp[16] = {0};
            for (int q = 0; q < valid; q++) tmp[q] = src[(long)(col + q) * s->stride_other];
            v = _mm512_loadu_ps(tmp);
        }
        _mm512_storeu_ps(row + j, v);
    }
}

// Per-thread packing buffers, kept for the thread's lifetime and grown when needed: a fresh
// allocation per call would be an mmap of new pages (these exceed malloc's mmap threshold)
// and a page fault per 4 KiB on every GEMM.
static uint32_t *scratch(int which, size_t words) {
    static __thread uint32_t *buffers[2];
    static __thread size_t sizes[2];
    if (sizes[which] < words) {
        free(buffers[which]);
        buffers[which] = aligned_alloc(64, (words * 4 + 63) / 64 * 64);
        sizes[which] = words;
    }
    return buffers[which];
}

#endif
