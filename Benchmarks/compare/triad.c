// STREAM triad, a[i] = b[i] + s·c[i], on both cores (OpenMP), for the memory
// bandwidth Descent's kernels are held to. Prints the best of 20 runs:
//   triad <float32|float64> <ms> <GB/s>
// with 3·n·sizeof(element) bytes counted per run, as STREAM counts them.
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define TRIAD(NAME, T, LABEL)                                                      \
  static void NAME(long n) {                                                  \
    T *a = malloc(n * sizeof(T)), *b = malloc(n * sizeof(T)),                 \
      *c = malloc(n * sizeof(T));                                             \
    _Pragma("omp parallel for")                                               \
    for (long i = 0; i < n; i++) { a[i] = 0; b[i] = 1; c[i] = 2; }            \
    double best = 1e30;                                                       \
    for (int run = 0; run < 20; run++) {                                      \
      struct timespec t0, t1;                                                 \
      clock_gettime(CLOCK_MONOTONIC, &t0);                                    \
      _Pragma("omp parallel for")                                             \
      for (long i = 0; i < n; i++) a[i] = b[i] + (T)3 * c[i];                 \
      clock_gettime(CLOCK_MONOTONIC, &t1);                                    \
      double s = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9;  \
      if (s < best) best = s;                                                 \
    }                                                                         \
    printf("triad %s %.4f %.3f\n", LABEL,                                       \
           best * 1e3, 3.0 * n * sizeof(T) / best / 1e9);                     \
    if (a[n / 2] != 7) return;                                                \
    free(a); free(b); free(c);                                                \
  }

TRIAD(triad_float, float, "float32")
TRIAD(triad_double, double, "float64")

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 10000000;
  triad_float(n);
  triad_double(n);
  return 0;
}
