import RealModule

/// Prodigy: Adam whose step-size is an estimate d of the distance to the solution,
/// grown from the gradients seen (a parameter-free learner).
///
///     d-scaled moments:  m ← β₁m + (1 − β₁)d g,   v ← β₂v + (1 − β₂)d² g²
///     η = c·d·√(1 − β₂ᵗ)/(1 − β₁ᵗ)
///     s ← β₃s + (η/d₀)·d g,   r ← β₃r + (d/d₀)·η·gᵀ(x₀ − x)
///     d ← max(d, r / ‖s‖₁)
///     x ← x − λη x − η m/(√v + d ε)            (the new d in the guard)
///
/// from d = d₀, m = v = s = 0, r = 0. The estimate is left as it was while ‖s‖₁ = 0.
/// β₃ defaults to √β₂. One gradient evaluation a step.
///
/// Mishchenko, K. and Defazio, A. (2023). Prodigy: an expeditiously adaptive
/// parameter-free learner. arXiv:2306.06101. Algorithm 4 (Adam form); as
/// optax.contrib.prodigy, without its safeguarded warm-up.
///
/// Hyperparameters (the paper's and optax's defaults):
/// - `learningRate` c > 0: a factor on the step. Default 1.
/// - `beta1` β₁, `beta2` β₂ in [0, 1). Defaults 0.9, 0.999.
/// - `beta3` β₃ in [0, 1), or nil for √β₂. Default nil.
/// - `epsilon` ε ≥ 0. Default 1e-8.
/// - `initialEstimate` d₀ > 0. Default 1e-6.
/// - `weightDecay` λ ≥ 0. Default 0.
public struct Prodigy<Scalar: DescentFloat>: GradientUpdate {
  public internal(set) var learningRate: Scalar
  public internal(set) var beta1: Scalar
  public internal(set) var beta2: Scalar
  public internal(set) var beta3: Scalar?
  public internal(set) var epsilon: Scalar
  public internal(set) var initialEstimate: Scalar
  public internal(set) var weightDecay: Scalar

  @usableFromInline var count = 0
  /// d and r.
  @usableFromInline var estimate: Scalar = 0
  @usableFromInline var numerator: Scalar = 0
  @usableFromInline var origin: [Scalar] = []
  @usableFromInline var first: [Scalar] = []
  @usableFromInline var second: [Scalar] = []
  @usableFromInline var gradientSum: [Scalar] = []
  /// Scratch that `step` evaluates the gradient into.
  public var gradientBuffer: [Scalar] = []

  public init(
    learningRate: Scalar = 1, beta1: Scalar = 0.9, beta2: Scalar = 0.999, beta3: Scalar? = nil,
    epsilon: Scalar = 1e-8, initialEstimate: Scalar = 1e-6, weightDecay: Scalar = 0
  ) throws(DescentError) {
    (self.learningRate, self.beta1, self.beta2, self.beta3) = (learningRate, beta1, beta2, beta3)
    (self.epsilon, self.initialEstimate, self.weightDecay) = (epsilon, initialEstimate, weightDecay)
    try checkSettings()
  }

  public func validateState(dimension d: Int) throws(DescentError) {
    try DescentError.requireState(origin, first, second, gradientSum, gradientBuffer, dimension: d)
    try DescentError.requireCount(count)
  }

  /// The step η·d-free scale: d, the distance estimate, for the trace.
  public var stepSizes: [Scalar]? { count > 0 ? [estimate] : nil }

  @inlinable
  public mutating func update(_ w: inout [Scalar], gradient: [Scalar]) {
    if origin.count != w.count {
      origin = w
      first = [Scalar](repeating: 0, count: w.count)
      (second, gradientSum) = (first, first)
      estimate = initialEstimate
      numerator = 0
    }
    count += 1
    let (b1, b2, b3) = (beta1, beta2, beta3 ?? beta2.squareRoot())
    let correction = (1 - Scalar.pow(b2, count)).squareRoot() / (1 - Scalar.pow(b1, count))
    let d = estimate
    let eta = d * learningRate * correction
    numerator = b3 * numerator + (d / initialEstimate) * eta * Self.progress(gradient, origin, w)
    let scale = eta / initialEstimate
    Self.accumulate(&first, &second, &gradientSum, gradient, d: d, beta1: b1, beta2: b2, beta3: b3, scale: scale)
    let denominator = Self.absoluteSum(gradientSum)
    if denominator > 0 { estimate = max(d, numerator / denominator) }
    Self.move(&w, first, second, eta: eta, guardScale: estimate * epsilon, decay: weightDecay * eta)
  }

  /// gᵀ(x₀ − x).
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @usableFromInline
  static func progress(_ g: [Scalar], _ origin: [Scalar], _ w: [Scalar]) -> Scalar {
    var total: Scalar = 0
    for i in g.indices { total += g[i] * (origin[i] - w[i]) }
    return total
  }

  /// Σ |sᵢ|.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @usableFromInline
  static func absoluteSum(_ s: [Scalar]) -> Scalar {
    var total: Scalar = 0
    for value in s { total += value.magnitude }
    return total
  }

  /// The moments and s, with dg = d·g.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @usableFromInline
  static func accumulate(
    _ m: inout [Scalar], _ v: inout [Scalar], _ s: inout [Scalar], _ gradient: [Scalar], d: Scalar, beta1: Scalar,
    beta2: Scalar, beta3: Scalar, scale: Scalar
  ) {
    gradient.withUnsafeBufferPointer { g in
      withBuffers(&m, &v, &s) { m, v, s in
        Parallel.forEachChunk(count: g.count) { range in
          let (m, v, s, g, d, beta1, beta2, beta3, scale) = (m, v, s, g, d, beta1, beta2, beta3, scale)
          for i in range {
            let dg = d * g[i]
            m[i] = beta1 * m[i] + (1 - beta1) * dg
            v[i] = beta2 * v[i] + (1 - beta2) * dg * dg
            s[i] = beta3 * s[i] + scale * dg
          }
        }
      }
    }
  }

  /// x ← x − decay·x − η m/(√v + guardScale).
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @usableFromInline
  static func move(
    _ w: inout [Scalar], _ m: [Scalar], _ v: [Scalar], eta: Scalar, guardScale: Scalar, decay: Scalar
  ) {
    m.withUnsafeBufferPointer { m in
      v.withUnsafeBufferPointer { v in
        w.withUnsafeMutableBufferPointer { w in
          Parallel.forEachChunk(count: w.count) { range in
            let (w, m, v, eta, guardScale, decay) = (w, m, v, eta, guardScale, decay)
            for i in range {
              w[i] += -decay * w[i] - eta * m[i] / (Scalar.vectorizableSquareRoot(v[i]) + guardScale)
            }
          }
        }
      }
    }
  }
}

extension Prodigy: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "prodigy", summary: "Prodigy: Adam with its step-size a growing estimate of the distance to w*",
      citation: "Mishchenko & Defazio (2023)", initialiserDefaults: { try Self() },
      settings: [
        .real("learningRate", \.learningRate, symbol: "c", default: 1, .positive, "factor on the step-size"),
        .real("beta1", \.beta1, symbol: "β₁", default: 0.9, .rate, "decay of the mean"),
        .real("beta2", \.beta2, symbol: "β₂", default: 0.999, .rate, "decay of the mean square"),
        .optionalReal("beta3", \.beta3, symbol: "β₃", none: "auto", .rate, "decay of the estimate's sums (auto: √β₂)"),
        .real("epsilon", \.epsilon, symbol: "ε", default: 1e-8, .nonNegative, "added to the root, times d"),
        .real(
          "initialEstimate", \.initialEstimate, symbol: "d₀", default: 1e-6, .positive, "the first distance estimate"),
        .real("weightDecay", \.weightDecay, symbol: "λ", default: 0, .nonNegative, "decay of w per step, times η"),
      ])
  }
}
