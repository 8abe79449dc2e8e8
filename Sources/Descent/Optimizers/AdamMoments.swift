import RealModule

/// The moment estimates Adam, AdamW and Adam-HD share, and the bias-corrected
/// step they make: `w ← w − α m̂/(√v̂ + ε) − decay·w`.
public struct AdamMoments<Scalar: DescentFloat>: Codable, Sendable {
  /// t, the number of updates.
  @usableFromInline var count = 0
  /// m.
  @usableFromInline var first: [Scalar] = []
  /// v.
  @usableFromInline var second: [Scalar] = []

  @inlinable
  init() {}

  /// The hyperparameters after the learning rate, with Kingma and Ba's defaults.
  static var parameters: [ParameterDescription] {
    [
      ParameterDescription("beta1", symbol: "β₁", default: "0.9", allowed: "in [0, 1)", summary: "decay of the mean"),
      ParameterDescription("beta2", symbol: "β₂", default: "0.999", allowed: "in [0, 1)", summary: "decay of the mean square"),
      ParameterDescription("epsilon", symbol: "ε", default: "1e-8", allowed: "≥ 0", summary: "added to the root"),
    ]
  }

  static func check(learningRate: Scalar, beta1: Scalar, beta2: Scalar, epsilon: Scalar) throws(DescentError) {
    try DescentError.requirePositive(learningRate, "learning-rate")
    try DescentError.requireRate(beta1, "beta1")
    try DescentError.requireRate(beta2, "beta2")
    try DescentError.requireNonNegative(epsilon, "epsilon")
  }

  /// Updates m and v with `gradient` and steps `w`, decaying it by
  /// `weightDecay·w` (AdamW; the weight before the step).
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
