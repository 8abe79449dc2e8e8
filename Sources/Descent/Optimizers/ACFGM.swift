/// AC-FGM, the auto-conditioned fast gradient method: Nesterov-type acceleration whose
/// step-sizes follow local smoothness estimates, with no line search and no known L.
///
///     z_t = y_{t−1} − η_t ∇f(x_{t−1})
///     y_t = (1 − β_t) y_{t−1} + β_t z_t              (β_1 = 0, β_t = β after)
///     x_t = (z_t + τ_t x_{t−1}) / (1 + τ_t)          (τ_1 = 0: x_1 = z_1)
///     L_1 = ‖∇f(x_1) − ∇f(x_0)‖ / ‖x_1 − x_0‖
///     L_t = ‖∇f(x_t) − ∇f(x_{t−1})‖² / (2[f(x_{t−1}) − f(x_t) − ⟨∇f(x_t), x_{t−1} − x_t⟩])
///     η_2 = min{(1 − β) η_1, 1/(4L_1)}
///     η_t = min{(4/3) η_{t−1}, (τ_{t−2} + 1)/τ_{t−1} · η_{t−1}, τ_{t−1}/(4L_{t−1})}   (t ≥ 3)
///     τ_t = τ_{t−1} + α/2 + 2(1 − α) η_t L_{t−1}/τ_{t−1}   (t ≥ 2, from τ_0 = 0, τ_1 = 1)
///
/// The first step-size comes without a line search, η_1 = 1/(2.5 L_0), as in the authors'
/// code with `initial_line_search=False`; L_0 comes from a trial step of length 10⁻⁵ along
/// −∇f(x_0), where that code probes x_0 − 0.1·𝟙 (and by default line-searches η_1, from
/// L_0/4 up in factors of 1.5, until ‖Δg‖²/(2L) ≤ L‖Δx‖²/2). An estimate whose
/// gradient did not change, or whose bracket is not positive (a non-convex stretch,
/// rounding), is L = 0: its bound is +∞ and η follows the two growth caps. The iterate
/// is x_t. The first step costs two gradients; each later one a gradient and a value.
///
/// Li, T. and Lan, G. (2023). A simple uniformly optimal method without line search for
/// convex optimization. arXiv:2310.10082; Mathematical Programming (2024). The schedule
/// of η and τ is the authors' code's (`universal_AC_FGM` in tli432/AC-FGM-Implementation,
/// behind the paper's experiments), with L_1 where that code reuses L_0: the paper's
/// Corollary 2 states another schedule (τ_2 = 2, a first line search, β ≤ 1 − √3/2),
/// which the reference check (`Utilities/Reference/parameter_free.py`) does not cover.
///
/// Hyperparameters (the authors' code's defaults):
/// - `beta` β in (0, 1): the weight of z in y. Default 1 − √6/3 ≈ 0.1835.
/// - `alpha` α in [0, 1]: how much of τ's growth is fixed (α/2 a step). Default 0.1.
public struct ACFGM<Scalar: DescentFloat>: Optimizer {
  public internal(set) var beta: Scalar
  public internal(set) var alpha: Scalar

  /// Steps taken (t after step t).
  @usableFromInline var iteration = 0
  @usableFromInline var stepSize: Scalar = 0
  /// τ_{t−1} and τ_{t−2} once step t − 1 is done.
  @usableFromInline var tau: Scalar = 1
  @usableFromInline var olderTau: Scalar = 0
  @usableFromInline var y: [Scalar] = []
  @usableFromInline var previousPoint: [Scalar] = []
  @usableFromInline var previousGradient: [Scalar] = []
  @usableFromInline var previousValue: Scalar = 0
  @usableFromInline var gradient: [Scalar] = []

  public init(beta: Scalar = 1 - Scalar(6).squareRoot() / 3, alpha: Scalar = 0.1) throws(DescentError) {
    (self.beta, self.alpha) = (beta, alpha)
    try checkSettings()
  }

  public var stepSizes: [Scalar]? { iteration > 0 ? [stepSize] : nil }

  /// y, x_{t−1}, its gradient and the current gradient: 4d.
  public func stateSize(dimension d: Int) -> Int? { MemoryRequirement.product(4, d) }

  public func validateState(dimension d: Int) throws(DescentError) {
    try DescentError.requireState(y, previousPoint, previousGradient, gradient, dimension: d)
    try DescentError.requireCount(iteration)
  }

  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    iteration == 0 ? firstStep(&w, oracle: &oracle) : laterStep(&w, oracle: &oracle)
  }

  /// x_1 = x_0 − η_1 ∇f(x_0), η_1 from a trial step of length 10⁻⁵.
  mutating func firstStep<Problem: Objective>(_ w: inout [Scalar], oracle: inout CountingOracle<Problem>)
  where Problem.Scalar == Scalar {
    guard oracle.reserve(gradients: 2) else { return }
    let d = w.count
    gradient = [Scalar](repeating: 0, count: d)
    (previousGradient, previousPoint, y) = (gradient, w, w)
    oracle.gradient(at: w, into: &previousGradient)
    let size = Vector.norm(previousGradient)
    guard size > 0 else { return }  // a stationary start: stay
    let trialLength: Scalar = 1e-5
    var trial = w
    Vector.subtractScaled(trialLength / size, previousGradient, from: &trial)
    oracle.gradient(at: trial, into: &gradient)
    let moved = Vector.distance(trial, w)
    let changed = Vector.distance(gradient, previousGradient)
    stepSize = changed > 0 ? 1 / (2.5 * (changed / moved)) : trialLength / size
    Vector.subtractScaled(stepSize, previousGradient, from: &w)
    iteration = 1
  }

  /// Step t ≥ 2: ∇f and f at x_{t−1}, the estimate L_{t−1}, η_t and τ_t, then z, y, x.
  mutating func laterStep<Problem: Objective>(_ w: inout [Scalar], oracle: inout CountingOracle<Problem>)
  where Problem.Scalar == Scalar {
    guard oracle.reserve(gradients: 1, values: 1) else { return }
    let d = w.count
    let value = oracle.valueAndGradient(at: w, into: &gradient)
    let changed = Vector.distance(gradient, previousGradient)
    var local: Scalar = 0
    if iteration == 1 {
      if changed > 0 { local = changed / Vector.distance(w, previousPoint) }
      stepSize = local > 0 ? min((1 - beta) * stepSize, 1 / (4 * local)) : (1 - beta) * stepSize
    } else {
      var inner: Scalar = 0
      for i in 0..<d { inner += gradient[i] * (previousPoint[i] - w[i]) }
      let bracket = 2 * (previousValue - value - inner)
      if changed > 0 && bracket > 0 { local = changed * changed / bracket }
      var next = min(4 / 3 * stepSize, (olderTau + 1) / tau * stepSize)
      if local > 0 { next = min(next, tau / (4 * local)) }
      stepSize = next
    }
    (olderTau, tau) = (tau, tau + alpha / 2 + 2 * (1 - alpha) * stepSize * local / tau)
    for i in 0..<d {
      let z = y[i] - stepSize * gradient[i]
      y[i] = (1 - beta) * y[i] + beta * z
      previousPoint[i] = w[i]
      w[i] = (z + tau * w[i]) / (1 + tau)
    }
    swap(&previousGradient, &gradient)
    previousValue = value
    iteration += 1
  }
}

extension ACFGM: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "ac-fgm", summary: "accelerated gradient with step-sizes from local smoothness, no line search",
      citation: "Li & Lan (2023)", initialiserDefaults: { try Self() },
      settings: [
        .real("beta", \.beta, symbol: "β", default: 1 - Scalar(6).squareRoot() / 3, .openUnit, "weight of z in y"),
        .real(
          "alpha", \.alpha, symbol: "α", default: 0.1,
          Allowed(words: "in [0, 1]", expected: "a number in [0, 1]") { $0 >= 0 && $0 <= 1 },
          "fixed share of τ's growth"),
      ])
  }
}
