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

  /// β₁, β₂ and ε, with Kingma and Ba's defaults, for a method that stores them at these paths.
  static func hyperparameters<Method>(
    beta1: WritableKeyPath<Method, Scalar>, beta2: WritableKeyPath<Method, Scalar>,
    epsilon: WritableKeyPath<Method, Scalar>
  ) -> [Hyperparameter<Method>] {
    [
      .real("beta1", beta1, symbol: "β₁", default: 0.9, .rate, "decay of the mean"),
      .real("beta2", beta2, symbol: "β₂", default: 0.999, .rate, "decay of the mean square"),
      .real("epsilon", epsilon, symbol: "ε", default: 1e-8, .nonNegative, "added to the root"),
    ]
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
        Parallel.run(
          AdamKernel(
            w: w, m: m, v: v, g: g, alpha: alpha, beta1: beta1, beta2: beta2, epsilon: epsilon,
            weightDecay: weightDecay, correction1: correction1, correction2: correction2), count: w.count)
      }
    }
  }
}

/// The Adam (and AdamW) update on a range.
@usableFromInline
struct AdamKernel<S: DescentFloat>: ElementwiseKernel {
  @usableFromInline let w: UnsafeMutableBufferPointer<S>
  @usableFromInline let m: UnsafeMutableBufferPointer<S>
  @usableFromInline let v: UnsafeMutableBufferPointer<S>
  @usableFromInline let g: UnsafeBufferPointer<S>
  @usableFromInline let alpha: S
  @usableFromInline let beta1: S
  @usableFromInline let beta2: S
  @usableFromInline let epsilon: S
  @usableFromInline let weightDecay: S
  @usableFromInline let correction1: S
  @usableFromInline let correction2: S

  @inlinable init(
    w: UnsafeMutableBufferPointer<S>, m: UnsafeMutableBufferPointer<S>, v: UnsafeMutableBufferPointer<S>,
    g: UnsafeBufferPointer<S>, alpha: S, beta1: S, beta2: S, epsilon: S, weightDecay: S, correction1: S, correction2: S
  ) {
    (
      self.w, self.m, self.v, self.g, self.alpha, self.beta1, self.beta2, self.epsilon, self.weightDecay,
      self.correction1, self.correction2
    ) = (w, m, v, g, alpha, beta1, beta2, epsilon, weightDecay, correction1, correction2)
  }

  @_specialize(where S == Float) @_specialize(where S == Double)
  @inlinable func callAsFunction(_ range: Range<Int>) {
    for i in range {
      m[i] = beta1 * m[i] + (1 - beta1) * g[i]
      v[i] = beta2 * v[i] + (1 - beta2) * (g[i] * g[i])
      let mHat = m[i] / correction1
      let vHat = v[i] / correction2
      w[i] -= alpha * (mHat / (S.vectorizableSquareRoot(vHat) + epsilon)) + weightDecay * w[i]
    }
  }
}
