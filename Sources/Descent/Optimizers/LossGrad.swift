/// LossGrad: gradient descent whose step-size is raised or lowered by a factor
/// after each step, by how far the loss fell short of its linear prediction.
///
///     w_{k+1} = w_k − h_k g_k,               g_k = ∇f(w_k)
///     e_k = f(w_{k+1}) − [f(w_k) − h_k ‖g_k‖²]   (linearisation error)
///     r_k = e_k / (h_k ‖g_k‖² + 10⁻²⁵)
///     h_{k+1} = h_k / c if r_k > ½, else h_k · c
///
/// r = ½ is where the quadratic model q(t) = f(w) − t‖g‖² + (e/h²) t² has q′(h) = 0
/// (Yao 2022, §2.3): above it the step overshot the model's minimum. Each iteration
/// evaluates f and ∇f at w_k and f at w_{k+1}.
///
/// Descent's guard: where the predicted decrease h‖g‖² is below the rounding of f
/// (|f|·ε), e and r are rounding noise, and h is left as it is. The rule above
/// assumes exact arithmetic; without the guard, a run that has converged as far as
/// its precision allows reads r = 0 every step and raises h by c until it diverges
/// (in Float within a few hundred steps of converging).
///
/// Wójcik, B., Maziarka, Ł. and Tabor, J. (2018). LOSSGRAD: automatic learning rate
/// in gradient descent. Schedae Informaticae, 27, 47–57.
///
/// Hyperparameters:
/// - `learningRate` h₀ > 0: the first step-size. Default 0.001.
/// - `factor` c > 1: the increase/decrease factor. Default 1.05 (the authors' code).
public struct LossGrad<Scalar: DescentFloat>: Optimizer {
  /// h₀; setting it (the catalog does, before any step) restarts h there.
  public internal(set) var learningRate: Scalar { didSet { stepSize = learningRate } }
  public internal(set) var factor: Scalar
  /// h_k, the step-size the next iteration will use.
  @usableFromInline var stepSize: Scalar
  /// r of the last step.
  @usableFromInline var lastErrorRatio: Scalar = 0
  @usableFromInline var gradient: [Scalar] = []

  public init(learningRate: Scalar = 0.001, factor: Scalar = 1.05) throws(DescentError) {
    self.learningRate = learningRate
    self.factor = factor
    stepSize = learningRate
    try checkSettings()
  }

  public func validateState(dimension d: Int) throws(DescentError) {
    try DescentError.requireState(gradient, dimension: d)
  }

  /// h for the next step, as a one-entry vector for the trace.
  public var stepSizes: [Scalar]? { gradient.isEmpty ? nil : [stepSize] }

  /// r_k of the last step.
  public var errorRatio: Scalar { lastErrorRatio }

  @inlinable
  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    guard oracle.reserve(gradients: 1, values: 2) else { return }
    if gradient.count != w.count { gradient = [Scalar](repeating: 0, count: w.count) }
    let loss = oracle.valueAndGradient(at: w, into: &gradient)
    let predictedDecrease = Vector.dot(gradient, gradient) * stepSize
    let predicted = loss - predictedDecrease
    Vector.subtractScaled(stepSize, gradient, from: &w)
    let actual = oracle.value(at: w)
    lastErrorRatio = (actual - predicted) / (predictedDecrease + 1e-25)
    guard predictedDecrease > abs(loss) * .ulpOfOne else { return }
    stepSize = lastErrorRatio > 0.5 ? stepSize / factor : stepSize * factor
  }
}

extension LossGrad: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "lossgrad", summary: "GD whose step grows or shrinks by c from the linearisation error",
      citation: "Wójcik, Maziarka & Tabor (2018)", initialiserDefaults: { try Self() },
      settings: [
        .real("learningRate", \.learningRate, symbol: "h₀", default: 0.001, .positive, "step-size"),
        .real("factor", \.factor, symbol: "c", default: 1.05, .above(1), "increase/decrease factor"),
      ])
  }
}
