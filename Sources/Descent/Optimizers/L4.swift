import RealModule

/// L4: a step-size from the linearised loss, applied to a momentum or Adam direction.
///
///     v_t  = direction: momentum m̂_t, or Adam m̂_t / (√v̂_t + ε_A)
///     ĝ_t  = gradient estimate: momentum m̂_t (bias-corrected EMA of gradients)
///     L_min = γ₀ L_0 at t = 1, then min(L_min, L_t)
///     η_t  = α (L_t − γ L_min) / (ĝ_tᵀ v_t + ε)
///     w_t  = w_{t−1} − η_t v_t,   then L_min ← (1 + 1/τ) L_min
///
/// The momentum EMA has time scale 10 (decay 0.9); Adam's direction has time scales
/// 10 and 1000 (β₁ = 0.9, β₂ = 0.999) and ε_A = 1e-4, all bias-corrected, as in the
/// authors' implementation. Each iteration evaluates f and ∇f once.
///
/// Rolinek, M. and Martius, G. (2018). L4: Practical loss-based stepsize adaptation
/// for deep learning. NeurIPS.
///
/// Hyperparameters (the paper's defaults):
/// - `direction`: `.momentum` (L4Mom) or `.adam` (L4Adam). Default `.adam`.
/// - `fraction` α > 0: the fraction of the "optimal" step. Default 0.15.
/// - `minimumLossFactor` γ in (0, 1]: fraction of L_min taken as reachable. Default 0.9.
/// - `initialFactor` γ₀ ≥ 0: L_min at the start, as a fraction of L_0. Default 0.75.
/// - `forgetTime` τ > 0: L_min grows by 1 + 1/τ per step. Default 1000.
/// - `epsilon` ε > 0: added to the denominator. Default 1e-12.
public struct L4<Scalar: DescentFloat>: Optimizer {
  public enum Direction: String, Codable, Sendable, CaseIterable {
    case adam, momentum
  }

  public internal(set) var direction: Direction
  public internal(set) var fraction: Scalar
  public internal(set) var minimumLossFactor: Scalar
  public internal(set) var initialFactor: Scalar
  public internal(set) var forgetTime: Scalar
  public internal(set) var epsilon: Scalar

  @usableFromInline var count = 0
  @usableFromInline var minimumLoss: Scalar = 0
  @usableFromInline var stepSize: Scalar = 0
  /// EMA of gradients (decay 0.9): the gradient estimate, and the momentum direction.
  @usableFromInline var gradientAverage: [Scalar] = []
  /// EMA of squared gradients (decay 0.999), for the Adam direction.
  @usableFromInline var squareAverage: [Scalar] = []
  @usableFromInline var gradient: [Scalar] = []
  @usableFromInline var update: [Scalar] = []

  public init(
    direction: Direction = .adam, fraction: Scalar = 0.15, minimumLossFactor: Scalar = 0.9,
    initialFactor: Scalar = 0.75, forgetTime: Scalar = 1000, epsilon: Scalar = 1e-12
  ) throws(DescentError) {
    self.direction = direction
    self.fraction = fraction
    self.minimumLossFactor = minimumLossFactor
    self.initialFactor = initialFactor
    self.forgetTime = forgetTime
    self.epsilon = epsilon
    try checkSettings()
  }

  public func validateState(dimension d: Int) throws(DescentError) {
    try DescentError.requireState(gradientAverage, squareAverage, gradient, update, dimension: d)
    try DescentError.requireCount(count)
  }

  /// η_t, as a one-entry vector for the trace.
  public var stepSizes: [Scalar]? { count > 0 ? [stepSize] : nil }

  @inlinable
  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    guard oracle.reserve(gradients: 1, values: 1) else { return }
    if gradient.count != w.count {
      gradient = [Scalar](repeating: 0, count: w.count)
      gradientAverage = gradient
      squareAverage = gradient
      update = gradient
    }
    let loss = oracle.valueAndGradient(at: w, into: &gradient)
    count += 1
    minimumLoss = count == 1 ? initialFactor * loss : min(minimumLoss, loss)

    let slope = updateDirection()
    stepSize = fraction * (loss - minimumLossFactor * minimumLoss) / (slope + epsilon)
    Vector.subtractScaled(stepSize, update, from: &w)
    minimumLoss *= 1 + 1 / forgetTime
  }
}

extension L4 {
  /// Updates the averages with `gradient`, writes v into `update` and returns ĝᵀv.
  @inlinable
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  mutating func updateDirection() -> Scalar {
    let (beta1, beta2, adamEpsilon): (Scalar, Scalar, Scalar) = (0.9, 0.999, 1e-4)
    let correction1 = 1 - Scalar.pow(beta1, count)
    let correction2 = 1 - Scalar.pow(beta2, count)
    let useAdam = direction == .adam
    var slope: Scalar = 0
    withBuffers(&gradientAverage, &squareAverage, &gradient, &update) { m, s, g, v in
      for i in g.indices {
        m[i] = beta1 * m[i] + (1 - beta1) * g[i]
        let estimate = m[i] / correction1
        if useAdam {
          s[i] = beta2 * s[i] + (1 - beta2) * (g[i] * g[i])
          v[i] = estimate / (Scalar.vectorizableSquareRoot(s[i] / correction2) + adamEpsilon)
        } else {
          v[i] = estimate
        }
        slope += estimate * v[i]
      }
    }
    return slope
  }
}

extension L4: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "l4", summary: "L4: α(L − γL_min)/(ĝᵀv) along a momentum or Adam direction",
      citation: "Rolinek & Martius (2018)", initialiserDefaults: { try Self() },
      settings: [
        .choice("direction", \.direction, default: .adam, "the update direction v (L4Adam or L4Mom)"),
        .real("fraction", \.fraction, symbol: "α", default: 0.15, .positive, "fraction of the optimal step"),
        .real(
          "minimumLossFactor", \.minimumLossFactor, symbol: "γ", default: 0.9, .fraction,
          "share of L_min deemed reachable"),
        .real(
          "initialFactor", \.initialFactor, symbol: "γ₀", default: 0.75, .nonNegative, "L_min = γ₀ L_0 at the start"),
        .real("forgetTime", \.forgetTime, symbol: "τ", default: 1000, .positive, "L_min grows by 1 + 1/τ a step"),
        .real("epsilon", \.epsilon, symbol: "ε", default: 1e-12, .positive, "added to the denominator"),
      ])
  }
}
