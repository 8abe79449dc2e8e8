import RealModule

/// Adam-HD: Adam whose step-size α follows its own hypergradient.
///
///     g_t = ∇f(w_{t−1})
///     α_t = α_{t−1} + β g_tᵀ u_{t−1},   u_{t−1} = m̂_{t−1} / (√v̂_{t−1} + ε)   (u_0 = 0)
///     m_t, v_t, m̂_t, v̂_t as in Adam
///     w_t = w_{t−1} − α_t m̂_t / (√v̂_t + ε)
///
/// u_{t−1} is recomputed from the moments before they are updated, so no extra
/// vector is kept.
///
/// Baydin, A. G., Cornish, R., Martínez Rubio, D., Schmidt, M. and Wood, F. (2018).
/// Online learning rate adaptation with hypergradient descent. ICLR.
///
/// Hyperparameters (the paper's experiments):
/// - `learningRate` α₀ > 0. Default 0.001.
/// - `hypergradientRate` β ≥ 0. Default 1e-7.
/// - `beta1`, `beta2`, `epsilon`: as Adam (0.9, 0.999, 1e-8).
public struct AdamHD<Scalar: DescentFloat>: Optimizer {
  /// α₀; setting it (the catalog does, before any step) restarts α there.
  public internal(set) var learningRate: Scalar { didSet { stepSize = learningRate } }
  public internal(set) var hypergradientRate: Scalar
  public internal(set) var beta1: Scalar
  public internal(set) var beta2: Scalar
  public internal(set) var epsilon: Scalar
  @usableFromInline var stepSize: Scalar
  @usableFromInline var moments = AdamMoments<Scalar>()
  @usableFromInline var gradient: [Scalar] = []

  public init(
    learningRate: Scalar = 0.001, hypergradientRate: Scalar = 1e-7, beta1: Scalar = 0.9, beta2: Scalar = 0.999,
    epsilon: Scalar = 1e-8
  ) throws(DescentError) {
    self.learningRate = learningRate
    self.hypergradientRate = hypergradientRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    stepSize = learningRate
    try checkSettings()
  }

  public func validateState(dimension d: Int) throws(DescentError) {
    try moments.validate(dimension: d, scratch: gradient)
  }

  /// α_t, as a one-entry vector for the trace.
  public var stepSizes: [Scalar]? { gradient.isEmpty ? nil : [stepSize] }

  @inlinable
  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    guard oracle.reservedGradient(at: w, into: &gradient) else { return }
    if moments.count > 0 { stepSize += hypergradientRate * hypergradient() }
    moments.step(&w, gradient: gradient, learningRate: stepSize, beta1: beta1, beta2: beta2, epsilon: epsilon)
  }
}

extension AdamHD {
  /// g_tᵀ u_{t−1}, with u_{t−1} recomputed from the moments before their update.
  @inlinable
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  func hypergradient() -> Scalar {
    let correction1 = 1 - Scalar.pow(beta1, moments.count)
    let correction2 = 1 - Scalar.pow(beta2, moments.count)
    var total: Scalar = 0
    for i in gradient.indices {
      let previousStep =
        (moments.first[i] / correction1) / (Scalar.vectorizableSquareRoot(moments.second[i] / correction2) + epsilon)
      total += gradient[i] * previousStep
    }
    return total
  }
}

extension AdamHD: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "adam-hd", summary: "Adam with its step-size learned by hypergradient descent",
      citation: "Baydin, Cornish, Martínez Rubio, Schmidt & Wood (2018)", initialiserDefaults: { try Self() },
      settings: [
        .real("learningRate", \.learningRate, symbol: "α₀", default: 0.001, .positive, "step-size"),
        .real(
          "hypergradientRate", \.hypergradientRate, symbol: "β", default: 1e-7, .nonNegative,
          "step-size of the step-size"),
      ] + AdamMoments.settings(beta1: \.beta1, beta2: \.beta2, epsilon: \.epsilon))
  }
}
