// Element-wise square roots that vectorise.
//
// On Linux, Swift's `squareRoot()` reaches the loop as a call that keeps it scalar.
// Clang's element-wise builtin is the `llvm.sqrt` intrinsic with no errno side
// effect, so a loop that calls these inline functions vectorises like any other
// arithmetic. Header-only: Swift inlines them through the Clang importer.
#ifndef C_DESCENT_KERNELS_H
#define C_DESCENT_KERNELS_H

static inline __attribute__((always_inline)) double descent_sqrt(double x) {
  return __builtin_elementwise_sqrt(x);
}

static inline __attribute__((always_inline)) float descent_sqrtf(float x) {
  return __builtin_elementwise_sqrt(x);
}

#endif
