import RealModule

/// The moment estimates Adam, AdamW and Adam-HD share, and the bias-corrected
/// step they make: `w ← w − α m̂/(√v̂ + ε) − decay·w`.
@usableFromInline
struct AdamMoments<Scalar: DescentFloat>: Codable, Sendable {
  /// t, the number of updates.
  @usableFromInline var count = 0
  /// m.
  @usableFromInline var first: [Scalar] = []
  /// v.
  @usableFromInline var second: [Scalar] = []

  @inlinable
  init() {}

  /// Throws unless a resumed state was made on `dimension` parameters and its step
  /// count is one a run can reach.
  func validate(dimension: Int, scratch: [Scalar]) throws(DescentError) {
    try DescentError.requireState(first, second, scratch, dimension: dimension)
    try DescentError.requireCount(count)
  }

  /// β₁, β₂ and ε, with Kingma and Ba's defaults, for a method that stores them at these paths.
  static func settings<Method>(
    beta1: WritableKeyPath<Method, Scalar>, beta2: WritableKeyPath<Method, Scalar>,
    epsilon: WritableKeyPath<Method, Scalar>
  ) -> [Setting<Method>] {
    [
      .real("beta1", beta1, symbol: "β₁", default: 0.9, .rate, "decay of the mean"),
      .real("beta2", beta2, symbol: "β₂", default: 0.999, .rate, "decay of the mean square"),
      .real("epsilon", epsilon, symbol: "ε", default: 1e-8, .nonNegative, "added to the root"),
    ]
  }

  /// Updates m and v with `gradient` and steps `w`, decaying it by
  /// `weightDecay·w` (AdamW; the weight before the step).
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @inlinable
  mutating func step(
    _ w: inout [Scalar], gradient: [Scalar], learningRate alpha: Scalar, beta1: Scalar, beta2: Scalar,
    epsilon: Scalar, weightDecay: Scalar = 0
  ) {
    if first.count != w.count {
      first = [Scalar](repeating: 0, count: w.count)
      second = first
    }
    count += 1
    let correction1 = 1 - Scalar.pow(beta1, count)
    let correction2 = 1 - Scalar.pow(beta2, count)
    gradient.withUnsafeBufferPointer { g in
      withBuffers(&w, &first, &second) { w, m, v in
        Parallel.forEachChunk(count: w.count) { range in
          let (w, m, v, g, alpha, beta1, beta2) = (w, m, v, g, alpha, beta1, beta2)
          let (epsilon, weightDecay, correction1, correction2) = (epsilon, weightDecay, correction1, correction2)
          for i in range {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i]
            v[i] = beta2 * v[i] + (1 - beta2) * (g[i] * g[i])
            let mHat = m[i] / correction1
            let vHat = v[i] / correction2
            w[i] -= alpha * (mHat / (Scalar.vectorizableSquareRoot(vHat) + epsilon)) + weightDecay * w[i]
          }
        }
      }
    }
  }
}
