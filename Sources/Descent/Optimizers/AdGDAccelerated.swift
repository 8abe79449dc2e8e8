/// AdGD-accel: AdGD's step-size with Nesterov's momentum, the momentum from local
/// estimates of the smoothness and of the strong convexity.
///
///     λ_k = min{ √(1 + θ_{k−1}/2) λ_{k−1},  ‖x_k − x_{k−1}‖ / (2‖∇f(x_k) − ∇f(x_{k−1})‖) }
///     Λ_k = min{ √(1 + Θ_{k−1}/2) Λ_{k−1},  ‖∇f(x_k) − ∇f(x_{k−1})‖ / (2‖x_k − x_{k−1}‖) }
///     β_k = (√(1/λ_k) − √Λ_k) / (√(1/λ_k) + √Λ_k)
///     y_{k+1} = x_k − λ_k ∇f(x_k),   x_{k+1} = y_{k+1} + β_k (y_{k+1} − y_k)
///     θ_k = λ_k/λ_{k−1},   Θ_k = Λ_k/Λ_{k−1}
///
/// from y_1 = x_1 = x_0 − λ_0 ∇f(x_0), Λ_0 = 1/λ_0 and θ_0 = Θ_0 = +∞. The paper offers
/// it as a heuristic, without a proof. Where x or ∇f did not change, both estimates
/// stay as they were. One gradient evaluation a step.
///
/// Malitsky, Y. and Mishchenko, K. (2020). Adaptive gradient descent without descent.
/// ICML, PMLR 119. Algorithm 2.
///
/// Hyperparameters:
/// - `initialStepSize` λ₀ > 0, or nil for 10⁻⁵/‖∇f(x₀)‖ (the authors' code). Default nil.
public struct AdGDAccelerated<Scalar: DescentFloat>: Optimizer {
  /// λ₀, or nil for 10⁻⁵/‖∇f(x₀)‖.
  public internal(set) var initialStepSize: Scalar?

  @usableFromInline var iteration = 0
  /// λ_{k−1} and λ_{k−2}; Λ_{k−1} and Λ_{k−2}.
  @usableFromInline var stepSize: Scalar = 0
  @usableFromInline var previousStepSize: Scalar = 0
  @usableFromInline var convexity: Scalar = 0
  @usableFromInline var previousConvexity: Scalar = 0
  @usableFromInline var previousWeights: [Scalar] = []
  @usableFromInline var previousGradient: [Scalar] = []
  /// y_k.
  @usableFromInline var extrapolationBase: [Scalar] = []
  @usableFromInline var gradient: [Scalar] = []

  public init(initialStepSize: Scalar? = nil) throws(DescentError) {
    self.initialStepSize = initialStepSize
    try checkSettings()
  }

  public func validateState(dimension d: Int) throws(DescentError) {
    try DescentError.requireState(
      previousWeights, previousGradient, extrapolationBase, gradient, dimension: d)
    try DescentError.requireCount(iteration)
  }

  /// λ_k, as a one-entry vector for the trace.
  public var stepSizes: [Scalar]? { iteration > 0 ? [stepSize] : nil }

  @inlinable
  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    guard oracle.reservedGradient(at: w, into: &gradient) else { return }
    if iteration == 0 {
      let norm = Vector.norm(gradient)
      stepSize = initialStepSize ?? (norm > 0 ? 1e-5 / norm : 1e-5)
      convexity = 1 / stepSize
      if previousWeights.count == w.count { Vector.copy(w, into: &previousWeights) } else { previousWeights = w }
      swap(&previousGradient, &gradient)
      Vector.subtractScaled(stepSize, previousGradient, from: &w)
      extrapolationBase = w
      iteration = 1
      return
    }
    let moved = Vector.distance(w, previousWeights)
    let changed = Vector.distance(gradient, previousGradient)
    if moved > 0 && changed > 0 {
      let first = iteration == 1
      let growth = first ? Scalar.infinity : (1 + stepSize / previousStepSize / 2).squareRoot() * stepSize
      let convexityGrowth =
        first ? Scalar.infinity : (1 + convexity / previousConvexity / 2).squareRoot() * convexity
      (previousStepSize, previousConvexity) = (stepSize, convexity)
      stepSize = min(growth, moved / (2 * changed))
      convexity = min(convexityGrowth, changed / (2 * moved))
    }
    let (inverseRoot, convexityRoot) = ((1 / stepSize).squareRoot(), convexity.squareRoot())
    let beta = (inverseRoot - convexityRoot) / (inverseRoot + convexityRoot)
    if previousWeights.count == w.count { Vector.copy(w, into: &previousWeights) } else { previousWeights = w }
    swap(&previousGradient, &gradient)
    let lambda = stepSize
    withBuffers(&w, &previousGradient, &extrapolationBase) { w, g, base in
      Parallel.forEachChunk(count: w.count) { range in
        let (w, g, base, lambda, beta) = (w, g, base, lambda, beta)
        for i in range {
          let y = w[i] - lambda * g[i]
          w[i] = y + beta * (y - base[i])
          base[i] = y
        }
      }
    }
    iteration += 1
  }
}

extension AdGDAccelerated: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "adgd-accel", summary: "AdGD with momentum from local smoothness and strong-convexity estimates",
      citation: "Malitsky & Mishchenko (2020)", initialiserDefaults: { try Self() },
      settings: [
        .optionalReal(
          "initialStepSize", \.initialStepSize, symbol: "λ₀", none: "auto", .positive,
          "the first step's size (auto: 1e-5/‖∇f(x₀)‖)")
      ])
  }
}
