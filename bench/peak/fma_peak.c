// The core's fp32 fused multiply-add peak: 12 independent chains of FMAs (no loads, no stores),
// 1.2 G FMAs per round, 4 rounds, with 512-bit and with 256-bit vectors. What no fp32 matrix
// product can exceed on this core; docs/performance.md compares the workloads' GFLOP/s with it.
// x86-64 with AVX-512 only:
//   gcc -O2 -o /tmp/fma_peak bench/peak/fma_peak.c && /tmp/fma_peak
#include <stdio.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

#define CHAINS(R) \
    "vfmadd231ps %%" R "14,%%" R "15,%%" R "0\n vfmadd231ps %%" R "14,%%" R "15,%%" R "1\n" \
    "vfmadd231ps %%" R "14,%%" R "15,%%" R "2\n vfmadd231ps %%" R "14,%%" R "15,%%" R "3\n" \
    "vfmadd231ps %%" R "14,%%" R "15,%%" R "4\n vfmadd231ps %%" R "14,%%" R "15,%%" R "5\n" \
    "vfmadd231ps %%" R "14,%%" R "15,%%" R "6\n vfmadd231ps %%" R "14,%%" R "15,%%" R "7\n" \
    "vfmadd231ps %%" R "14,%%" R "15,%%" R "8\n vfmadd231ps %%" R "14,%%" R "15,%%" R "9\n" \
    "vfmadd231ps %%" R "14,%%" R "15,%%" R "10\n vfmadd231ps %%" R "14,%%" R "15,%%" R "11\n"

// zero every register used first (whatever they held might be subnormal, which slows FMAs down)
#define ZERO(R) \
    "vxorps %%" R "0,%%" R "0,%%" R "0\n vxorps %%" R "1,%%" R "1,%%" R "1\n vxorps %%" R "2,%%" R "2,%%" R "2\n" \
    "vxorps %%" R "3,%%" R "3,%%" R "3\n vxorps %%" R "4,%%" R "4,%%" R "4\n vxorps %%" R "5,%%" R "5,%%" R "5\n" \
    "vxorps %%" R "6,%%" R "6,%%" R "6\n vxorps %%" R "7,%%" R "7,%%" R "7\n vxorps %%" R "8,%%" R "8,%%" R "8\n" \
    "vxorps %%" R "9,%%" R "9,%%" R "9\n vxorps %%" R "10,%%" R "10,%%" R "10\n vxorps %%" R "11,%%" R "11,%%" R "11\n" \
    "vxorps %%" R "14,%%" R "14,%%" R "14\n vxorps %%" R "15,%%" R "15,%%" R "15\n"

#define CLOBBER "rcx", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm14", "xmm15"

int main(void) {
    const long n = 100000000L; // loop iterations of 12 FMAs
    for (int width = 512; width >= 256; width -= 256) {
        for (int round = 0; round < 4; round++) {
            double t0 = now();
            if (width == 512) {
                __asm__ volatile(ZERO("zmm") "mov %0, %%rcx\n1:\n" CHAINS("zmm") "dec %%rcx\n jnz 1b\n" :: "r"(n) : CLOBBER);
            } else {
                __asm__ volatile(ZERO("ymm") "mov %0, %%rcx\n1:\n" CHAINS("ymm") "dec %%rcx\n jnz 1b\n" :: "r"(n) : CLOBBER);
            }
            double dt = now() - t0;
            double flops = n * 12.0 * (width / 32) * 2.0;
            printf("%d-bit FMA: %.1f GFLOP/s (%.3f s)\n", width, flops / dt / 1e9, dt);
        }
    }
    return 0;
}
