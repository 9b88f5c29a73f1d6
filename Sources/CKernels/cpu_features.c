// Runtime CPU detection for the bf16 kernels: CPUID leaf 7 (subleaf 0: AVX512F bit 16, AVX512BW
// bit 30, AVX512VL bit 31 of EBX; subleaf 1: AVX512_BF16 bit 5 of EAX) and XGETBV, which must
// show the OS saving the SSE, AVX, opmask and ZMM register state (XCR0 bits 1, 2, 5, 6, 7).
// Reference: Intel SDM vol. 2A, CPUID leaf 07H; vol. 1 §15.2 "Detection of AVX-512".
#include "CKernels.h"

#if defined(__x86_64__)
#include <cpuid.h>

static unsigned long long read_xcr0(void) {
    unsigned int eax, edx;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return ((unsigned long long)edx << 32) | eax;
}

int easel_cpu_has_avx512_bf16(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx) || !(ecx & (1u << 27))) return 0;   // OSXSAVE
    if ((read_xcr0() & 0xe6) != 0xe6) return 0;
    if (__get_cpuid_max(0, 0) < 7) return 0;
    __cpuid_count(7, 0, eax, ebx, ecx, edx);
    const unsigned int needed = (1u << 16) | (1u << 30) | (1u << 31);
    if ((ebx & needed) != needed) return 0;
    __cpuid_count(7, 1, eax, ebx, ecx, edx);
    return (eax >> 5) & 1;
}
#else
int easel_cpu_has_avx512_bf16(void) { return 0; }
#endif
