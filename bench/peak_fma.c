/*
 * One core's FP64 and FP32 FMA peak in C, the check on bench/PeakFlops.java that does not depend
 * on the JIT: 10 independent chains of vector FMAs in registers, 512-bit when compiled for a CPU
 * with AVX-512F, else 256-bit (AVX2). Best of 5 rounds, wall time. Run from the repository root:
 *   gcc -O2 -march=native bench/peak_fma.c -o /tmp/peak_fma && /tmp/peak_fma
 */
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

#define CHAINS 10
#define ITERATIONS 100000000L

#ifdef __AVX512F__
typedef __m512d vd;
typedef __m512 vf;
#define BITS 512
#define SETD _mm512_set1_pd
#define SETF _mm512_set1_ps
#define FMAD _mm512_fmadd_pd
#define FMAF _mm512_fmadd_ps
#else
typedef __m256d vd;
typedef __m256 vf;
#define BITS 256
#define SETD _mm256_set1_pd
#define SETF _mm256_set1_ps
#define FMAD _mm256_fmadd_pd
#define FMAF _mm256_fmadd_ps
#endif

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(void) {
    double bestD = 0, bestF = 0, sink = 0;
    for (int round = 0; round < 5; round++) {
        vd a = SETD(1.0000001), b = SETD(-1e-9), c[CHAINS];
        for (int j = 0; j < CHAINS; j++) c[j] = SETD(0);
        double t = now();
        for (long i = 0; i < ITERATIONS; i++) {
#pragma GCC unroll 10
            for (int j = 0; j < CHAINS; j++) c[j] = FMAD(c[j], a, b);
            __asm__ volatile("" ::"x"(c[0]), "x"(c[1]), "x"(c[2]), "x"(c[3]), "x"(c[4]),
                             "x"(c[5]), "x"(c[6]), "x"(c[7]), "x"(c[8]), "x"(c[9]));
        }
        double rate = 2.0 * CHAINS * (BITS / 64) * ITERATIONS / (now() - t) / 1e9;
        bestD = rate > bestD ? rate : bestD;
        sink += ((double *) &c[0])[0];

        vf af = SETF(1.0000001f), bf = SETF(-1e-9f), cf[CHAINS];
        for (int j = 0; j < CHAINS; j++) cf[j] = SETF(0);
        t = now();
        for (long i = 0; i < ITERATIONS; i++) {
#pragma GCC unroll 10
            for (int j = 0; j < CHAINS; j++) cf[j] = FMAF(cf[j], af, bf);
            __asm__ volatile("" ::"x"(cf[0]), "x"(cf[1]), "x"(cf[2]), "x"(cf[3]), "x"(cf[4]),
                             "x"(cf[5]), "x"(cf[6]), "x"(cf[7]), "x"(cf[8]), "x"(cf[9]));
        }
        rate = 2.0 * CHAINS * (BITS / 32) * ITERATIONS / (now() - t) / 1e9;
        bestF = rate > bestF ? rate : bestF;
        sink += ((float *) &cf[0])[0];
    }
    printf("FP64 %d-bit: %.1f GFLOP/s\nFP32 %d-bit: %.1f GFLOP/s\n", BITS, bestD, BITS, bestF);
    return sink == 42.0;
}
