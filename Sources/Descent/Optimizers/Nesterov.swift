/// Nesterov's accelerated gradient.
///
///     y_k     = w_k + β_k (w_k − w_{k−1}),   w_{−1} = w_0
///     w_{k+1} = y_k − s ∇f(y_k)
///
/// with either a constant momentum β (for strongly convex problems; with curvatures
/// in [μ, L], s = 1/L and β = (√L − √μ)/(√L + √μ), see
/// ``stronglyConvex(lipschitz:strongConvexity:)``, rate 1 − √(μ/L)), or the
/// schedule β_k = (k − 1)/(k + 2) for k = 1, 2, … (for convex problems, O(1/k²)).
/// The iterate is w; the gradient is taken at the extrapolated point y.
///
/// Nesterov, Y. (1983). A method of solving a convex programming problem with
/// convergence rate O(1/k²). Soviet Mathematics Doklady, 27, 372–376.
/// Nesterov, Y. (2004). Introductory Lectures on Convex Optimization, §2.2.
///
/// Hyperparameters:
/// - `learningRate` s > 0. Default 0.001 (1/L for the paper's convex problem).
/// - `momentum` β in [0, 1), or the (k − 1)/(k + 2) schedule. Default: the schedule.
public struct Nesterov<Scalar: DescentFloat>: Optimizer {
  public enum Momentum: Codable, Sendable, Equatable {
    case constant(Scalar)
    /// β_k = (k − 1)/(k + 2).
    case increasing
  }

  public internal(set) var learningRate: Scalar
  /// The step size a training trace shows: α, constant.
  public var currentStepSize: Scalar? { learningRate }
  public internal(set) var momentum: Momentum
  @usableFromInline var iteration = 0
  @usableFromInline var previous: [Scalar] = []
  /// y_k, where the gradient is evaluated.
  @usableFromInline var extrapolated: [Scalar] = []
  @usableFromInline var gradient: [Scalar] = []

  public init(learningRate: Scalar = 0.001, momentum: Momentum = .increasing) throws(DescentError) {
    self.learningRate = learningRate
    self.momentum = momentum
    try checkSettings()
  }

  /// s = 1/L and β = (√L − √μ)/(√L + √μ).
  public static func stronglyConvex(lipschitz: Scalar, strongConvexity: Scalar) throws(DescentError) -> Self {
    let (rootL, rootMu) = try DescentError.curvatureRoots(lipschitz: lipschitz, strongConvexity: strongConvexity)
    return try Self(learningRate: 1 / lipschitz, momentum: .constant((rootL - rootMu) / (rootL + rootMu)))
  }

  public func validateState(dimension d: Int) throws(DescentError) {
    try DescentError.requireState(previous, extrapolated, gradient, dimension: d)
    try DescentError.requireCount(iteration)
  }

  @inlinable
  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    guard oracle.reserve(gradients: 1) else { return }
    if previous.count != w.count {
      previous = w
      extrapolated = w
      gradient = [Scalar](repeating: 0, count: w.count)
    }
    iteration += 1
    let beta: Scalar
    switch momentum {
    case .constant(let value): beta = value
    case .increasing: beta = Scalar(iteration - 1) / Scalar(iteration + 2)
    }
    extrapolate(w, beta: beta)
    oracle.gradient(at: extrapolated, into: &gradient)
    stepFromExtrapolated(&w)
  }

  /// y ← w + β(w − w_prev), w_prev ← w.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @inlinable
  mutating func extrapolate(_ w: [Scalar], beta: Scalar) {
    w.withUnsafeBufferPointer { w in
      withBuffers(&previous, &extrapolated) { previous, y in
        Parallel.forEachChunk(count: w.count) { range in
          let (w, previous, y, beta) = (w, previous, y, beta)
          for i in range {
            y[i] = w[i] + beta * (w[i] - previous[i])
            previous[i] = w[i]
          }
        }
      }
    }
  }

  /// w ← y − s∇f(y).
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @inlinable
  mutating func stepFromExtrapolated(_ w: inout [Scalar]) {
    let s = learningRate
    withBuffers(&w, &extrapolated, &gradient) { w, y, g in
      Parallel.forEachChunk(count: w.count) { range in
        let (w, y, g, s) = (w, y, g, s)
        for i in range { w[i] = y[i] - s * g[i] }
      }
    }
  }
}

extension Nesterov: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "nesterov", summary: "Nesterov's accelerated gradient, constant β or β_k = (k−1)/(k+2)",
      citation: "Nesterov (1983); Nesterov (2004) §2.2", initialiserDefaults: { try Self() },
      settings: [
        .real("learningRate", \.learningRate, symbol: "s", default: 0.001, .positive, "step-size"),
        Setting(
          "momentum", \.momentum, symbol: "β", kind: .real, default: .increasing,
          Allowed(words: "in [0, 1), or increasing", expected: "a number in [0, 1)") { momentum in
            guard case .constant(let beta) = momentum else { return true }
            return beta >= 0 && beta < 1
          }, "a constant, or the (k−1)/(k+2) schedule",
          parse: { $0 == "increasing" ? .increasing : Scalar($0).map(Momentum.constant) },
          format: { momentum in
            guard case .constant(let beta) = momentum else { return "increasing" }
            return Scalar.settingText(beta)
          }),
      ])
  }
}
