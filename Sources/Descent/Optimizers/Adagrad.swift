/// Adagrad, diagonal form: each component's step is divided by the root of its
/// summed squared gradients.
///
///     G_t = G_{t−1} + g_t²,   G_0 = G₀
///     w_t = w_{t−1} − η g_t / (δ + √G_t)
///
/// Duchi, J., Hazan, E. and Singer, Y. (2011). Adaptive subgradient methods for
/// online learning and stochastic optimization. JMLR, 12, 2121–2159.
///
/// Hyperparameters:
/// - `learningRate` η > 0. Default 0.01.
/// - `epsilon` δ ≥ 0, added to the root. Default 1e-10.
/// - `initialAccumulator` G₀ ≥ 0. Default 0 (the paper's; optax starts at 0.1).
public struct Adagrad<Scalar: DescentFloat>: GradientUpdate {
  public internal(set) var learningRate: Scalar
  /// The step size a training trace shows: α, constant.
  public var currentStepSize: Scalar? { learningRate }
  public internal(set) var epsilon: Scalar
  public internal(set) var initialAccumulator: Scalar
  /// G.
  @usableFromInline var squaredSum: [Scalar] = []
  /// Scratch that `step` evaluates the gradient into.
  public var gradientBuffer: [Scalar] = []

  public init(learningRate: Scalar = 0.01, epsilon: Scalar = 1e-10, initialAccumulator: Scalar = 0) throws(DescentError)
  {
    self.learningRate = learningRate
    self.epsilon = epsilon
    self.initialAccumulator = initialAccumulator
    try checkSettings()
  }

  public func validateState(dimension d: Int) throws(DescentError) {
    try DescentError.requireState(squaredSum, gradientBuffer, dimension: d)
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @inlinable
  public mutating func update(_ w: inout [Scalar], gradient: [Scalar]) {
    if squaredSum.count != w.count { squaredSum = [Scalar](repeating: initialAccumulator, count: w.count) }
    let (eta, delta) = (learningRate, epsilon)
    gradient.withUnsafeBufferPointer { g in
      withBuffers(&w, &squaredSum) { w, sum in
        Parallel.forEachChunk(count: w.count) { range in
          let (w, sum, g, eta, delta) = (w, sum, g, eta, delta)
          for i in range {
            sum[i] += g[i] * g[i]
            // A component whose gradients have all been zero does not move (0/0); a
            // select, not a branch, so the loop still vectorises.
            let denominator = delta + Scalar.vectorizableSquareRoot(sum[i])
            let step = eta * g[i] / denominator
            w[i] -= denominator > 0 ? step : 0
          }
        }
      }
    }
  }
}

extension Adagrad: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "adagrad", summary: "steps divided by the root of summed squared gradients",
      citation: "Duchi, Hazan & Singer (2011)", initialiserDefaults: { try Self() },
      settings: [
        .real("learningRate", \.learningRate, symbol: "η", default: 0.01, .positive, "step-size"),
        .real("epsilon", \.epsilon, symbol: "δ", default: 1e-10, .nonNegative, "added to the root"),
        .real(
          "initialAccumulator", \.initialAccumulator, symbol: "G₀", default: 0, .nonNegative, "starting sum of squares"),
      ])
  }
}
