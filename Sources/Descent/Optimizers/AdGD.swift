/// AdGD: gradient descent whose step-size follows the local smoothness, with no line
/// search and no function values ("adaptive gradient descent without descent").
///
///     λ_k = min{ √(1 + θ_{k−1}) λ_{k−1},  ‖x_k − x_{k−1}‖ / (2‖∇f(x_k) − ∇f(x_{k−1})‖) }
///     x_{k+1} = x_k − λ_k ∇f(x_k),   θ_k = λ_k / λ_{k−1}
///
/// from x_1 = x_0 − λ_0 ∇f(x_0) and θ_0 = +∞, so λ_1 is the local estimate alone. Where
/// the gradient did not change the estimate is +∞, and where both bounds are infinite
/// (no information yet) λ stays as it was. One gradient evaluation a step.
///
/// The improved rule (`rule: 2023`) lets the step grow by √(2/3 + θ) and bounds it by
/// the local Lipschitz estimate L_k = ‖∇f(x_k) − ∇f(x_{k−1})‖/‖x_k − x_{k−1}‖:
///
///     λ_k = min{ √(2/3 + θ_{k−1}) λ_{k−1},  λ_{k−1} / √[2λ_{k−1}² L_k² − 1]₊ },   θ_0 = 1/3
///
/// the second bound +∞ where 2λ²L² ≤ 1 or the gradient did not change (θ_0 = 1/3 makes
/// λ_1 ≤ λ_0). The paper picks λ_0 by a first line search; here λ_0 is as for the 2020 rule.
///
/// Malitsky, Y. and Mishchenko, K. (2020). Adaptive gradient descent without descent.
/// ICML, PMLR 119. Algorithm 1. Malitsky, Y. and Mishchenko, K. (2024). Adaptive
/// proximal gradient method for convex optimization. NeurIPS; arXiv:2308.02261,
/// Algorithm 2 (the authors' AdProxGD code, `ver = 2`, is the same rule).
///
/// Hyperparameters:
/// - `rule`: `2020` (Algorithm 1) or `2023` (the improved rule). Default 2020.
/// - `initialStepSize` λ₀ > 0: the first step only, or nil for 10⁻⁵/‖∇f(x₀)‖, a first
///   step of length 10⁻⁵. Default nil. (The authors' code uses 10⁻¹⁰ for AdGD and this
///   rule for AdGD-accel; in `Float` a step of 10⁻¹⁰ is lost to rounding, ‖x₁ − x₀‖ = 0,
///   and the first estimate is empty, so both take the rule here.)
public struct AdGD<Scalar: DescentFloat>: Optimizer {
  public enum Rule: String, Codable, Sendable, CaseIterable {
    /// Malitsky & Mishchenko (2020), Algorithm 1.
    case original = "2020"
    /// Malitsky & Mishchenko (2024), Algorithm 2.
    case improved = "2023"
  }

  public internal(set) var rule: Rule
  /// λ₀, or nil for 10⁻⁵/‖∇f(x₀)‖.
  public internal(set) var initialStepSize: Scalar?

  /// Steps taken.
  @usableFromInline var iteration = 0
  /// λ_{k−1}, and λ_{k−2} (θ_{k−1} = λ_{k−1}/λ_{k−2}; +∞ before the second step).
  @usableFromInline var stepSize: Scalar = 0
  @usableFromInline var previousStepSize: Scalar = 0
  @usableFromInline var previousWeights: [Scalar] = []
  @usableFromInline var previousGradient: [Scalar] = []
  @usableFromInline var gradient: [Scalar] = []

  public init(rule: Rule = .original, initialStepSize: Scalar? = nil) throws(DescentError) {
    self.rule = rule
    self.initialStepSize = initialStepSize
    try checkSettings()
  }

  public func validateState(dimension d: Int) throws(DescentError) {
    try DescentError.requireState(previousWeights, previousGradient, gradient, dimension: d)
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
    } else {
      let moved = Vector.distance(w, previousWeights)
      let changed = Vector.distance(gradient, previousGradient)
      let next: Scalar
      switch rule {
      case .original:
        let local = changed > 0 ? moved / (2 * changed) : .infinity
        let growth = iteration >= 2 ? (1 + stepSize / previousStepSize).squareRoot() * stepSize : .infinity
        next = min(growth, local)
      case .improved:
        var bound = Scalar.infinity
        if changed > 0 {
          let lipschitz = changed / moved
          let square = 2 * stepSize * stepSize * lipschitz * lipschitz - 1
          if square > 0 { bound = stepSize / square.squareRoot() }
        }
        let theta = iteration >= 2 ? stepSize / previousStepSize : 1 / 3
        next = min((2 / 3 + theta).squareRoot() * stepSize, bound)
      }
      previousStepSize = stepSize
      if next.isFinite { stepSize = next }
    }
    if previousWeights.count == w.count { Vector.copy(w, into: &previousWeights) } else { previousWeights = w }
    swap(&previousGradient, &gradient)
    Vector.subtractScaled(stepSize, previousGradient, from: &w)
    iteration += 1
  }
}

extension AdGD: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "adgd", summary: "GD with λ from the local smoothness ‖Δx‖/(2‖Δ∇f‖), growth bounded",
      citation: "Malitsky & Mishchenko (2020, 2024)", initialiserDefaults: { try Self() },
      settings: [
        .choice(
          "rule", \.rule, default: .original, "2020 (Algorithm 1) or 2023 (the improved rule: growth √(2/3 + θ))"),
        .optionalReal(
          "initialStepSize", \.initialStepSize, symbol: "λ₀", none: "auto", .positive,
          "the first step's size (auto: 1e-5/‖∇f(x₀)‖)"),
      ])
  }
}
