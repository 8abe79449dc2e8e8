/// SGD-HD: gradient descent whose scalar step-size follows its own hypergradient.
///
///     g_t = ∇f(w_{t−1})
///     α_t = α_{t−1} + β g_tᵀ g_{t−1}      (g_0 = 0, so α_1 = α_0)
///     w_t = w_{t−1} − α_t g_t
///
/// ∂f(w_{t−1})/∂α_{t−1} = −g_tᵀ g_{t−1}: the step grows while successive gradients
/// agree and shrinks when they turn against each other.
///
/// Baydin, A. G., Cornish, R., Martínez Rubio, D., Schmidt, M. and Wood, F. (2018).
/// Online learning rate adaptation with hypergradient descent. ICLR.
///
/// Hyperparameters (the paper's experiments):
/// - `learningRate` α₀ > 0. Default 0.001.
/// - `hypergradientRate` β ≥ 0. Default 0.001.
public struct HypergradientDescent<Scalar: DescentFloat>: Optimizer {
  /// α₀; setting it (the catalog does, before any step) restarts α there.
  public internal(set) var learningRate: Scalar { didSet { stepSize = learningRate } }
  public internal(set) var hypergradientRate: Scalar
  /// α_t.
  @usableFromInline var stepSize: Scalar
  @usableFromInline var previousGradient: [Scalar] = []
  @usableFromInline var gradient: [Scalar] = []

  public init(learningRate: Scalar = 0.001, hypergradientRate: Scalar = 0.001) throws(DescentError) {
    self.learningRate = learningRate
    self.hypergradientRate = hypergradientRate
    stepSize = learningRate
    try checkSettings()
  }

  public func validateState(dimension d: Int) throws(DescentError) {
    try DescentError.requireState(previousGradient, gradient, dimension: d)
  }

  /// α_t, as a one-entry vector for the trace.
  public var stepSizes: [Scalar]? { gradient.isEmpty ? nil : [stepSize] }

  @inlinable
  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    guard oracle.reserve(gradients: 1) else { return }
    if gradient.count != w.count {
      gradient = [Scalar](repeating: 0, count: w.count)
      previousGradient = gradient
    }
    oracle.gradient(at: w, into: &gradient)
    stepSize += hypergradientRate * Vector.dot(gradient, previousGradient)
    Vector.subtractScaled(stepSize, gradient, from: &w)
    swap(&gradient, &previousGradient)
  }
}

extension HypergradientDescent: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "sgd-hd", summary: "GD with its step-size learned by hypergradient descent",
      citation: "Baydin, Cornish, Martínez Rubio, Schmidt & Wood (2018)", initialiserDefaults: { try Self() },
      settings: [
        .real("learningRate", \.learningRate, symbol: "α₀", default: 0.001, .positive, "step-size"),
        .real(
          "hypergradientRate", \.hypergradientRate, symbol: "β", default: 0.001, .nonNegative,
          "step-size of the step-size"),
      ])
  }
}
