/// Barzilai–Borwein steps, globalised by the Grippo–Lampariello–Lucidi non-monotone
/// line search: Raydan's global Barzilai–Borwein method (GBB).
///
///     if α_k ≤ ε or α_k ≥ 1/ε:  α_k = δ(‖g_k‖)          (safeguard on the inverse step)
///     λ = 1/α_k
///     while f(x_k − λ g_k) > max_{0≤j≤min(k,M)} f(x_{k−j}) − γ λ g_kᵀg_k:
///       λ ← σλ,  σ ∈ [σ₁, σ₂] from a safeguarded quadratic interpolation
///     x_{k+1} = x_k − λ g_k,   s = x_{k+1} − x_k,   y = g_{k+1} − g_k
///     α_{k+1} = sᵀy / sᵀs   (BB1, Raydan's)   or   yᵀy / sᵀy   (BB2)
///
/// with δ = 1 when ‖g‖ > 1, 1/‖g‖ when 10⁻⁵ ≤ ‖g‖ ≤ 1 and 10⁵ below (Raydan's §4), and
/// σ the minimiser of the quadratic through f(x_k), −g_kᵀg_k and f(x_k − λ g_k),
/// divided by λ and clipped to [σ₁, σ₂] (σ₁ when the trial value is not finite).
/// Readings: BB2 is put in the same frame (Raydan's paper uses BB1); a trial point costs
/// one value, and the accepted one a gradient too, which is the next iteration's (GBB
/// needs ∇f only where it moves); a trial whose value, or whose gradient once accepted,
/// is not finite is rejected like one that fails the test. Each trial first reserves a
/// value and a gradient, so that an accepted trial can always have its gradient. The run ends with `.methodConverged` when
/// g_k = 0, and with `.lineSearchFailed` when λ shrinks to where x_k − λ g_k = x_k.
///
/// Raydan, M. (1997). The Barzilai and Borwein gradient method for the large scale
/// unconstrained minimization problem. SIAM J. Optimization, 7(1), 26–33. Algorithm GBB.
/// Barzilai, J. and Borwein, J. M. (1988). Two-point step size gradient methods.
/// IMA J. Numerical Analysis, 8, 141–148. Grippo, L., Lampariello, F. and Lucidi, S.
/// (1986). A nonmonotone line search technique for Newton's method. SIAM J. Numer.
/// Anal., 23, 707–716.
///
/// Hyperparameters (Raydan's values):
/// - `formula`: `bb1` (sᵀs/sᵀy) or `bb2` (sᵀy/yᵀy) as the step. Default `bb1`.
/// - `initialStepSize` λ₀ = 1/α₀ > 0. Default 1.
/// - `memory` M ≥ 0: values the non-monotone test looks back over. Default 10.
/// - `sufficientDecrease` γ in (0, 1). Default 1e-4.
/// - `shrinkMin` σ₁ and `shrinkMax` σ₂, 0 < σ₁ ≤ σ₂ < 1. Defaults 0.1 and 0.5.
/// - `safeguard` ε in (0, 1): the range [ε, 1/ε] an inverse step must lie in. Default 1e-10.
public struct BarzilaiBorwein<Scalar: DescentFloat>: Optimizer {
  public enum Formula: String, Codable, Sendable, CaseIterable {
    /// λ = sᵀs / sᵀy, the "long" step.
    case bb1
    /// λ = sᵀy / yᵀy, the "short" step.
    case bb2
  }

  public internal(set) var formula: Formula
  public internal(set) var initialStepSize: Scalar
  public internal(set) var memory: Int
  public internal(set) var sufficientDecrease: Scalar
  public internal(set) var shrinkMin: Scalar
  public internal(set) var shrinkMax: Scalar
  public internal(set) var safeguard: Scalar

  @usableFromInline var started = false
  /// α_k, the inverse of the next trial step.
  @usableFromInline var inverseStep: Scalar = 0
  /// The last accepted step λ_k.
  @usableFromInline var lastStep: Scalar = 0
  /// f(x_k).
  @usableFromInline var value: Scalar = 0
  /// The last min(k, M) + 1 values, newest last.
  @usableFromInline var recentValues: [Scalar] = []
  @usableFromInline var gradient: [Scalar] = []
  @usableFromInline var trial: [Scalar] = []
  @usableFromInline var trialGradient: [Scalar] = []
  @usableFromInline var termination: Termination?

  public init(
    formula: Formula = .bb1, initialStepSize: Scalar = 1, memory: Int = 10, sufficientDecrease: Scalar = 1e-4,
    shrinkMin: Scalar = 0.1, shrinkMax: Scalar = 0.5, safeguard: Scalar = 1e-10
  ) throws(DescentError) {
    (self.formula, self.initialStepSize, self.memory) = (formula, initialStepSize, memory)
    (self.sufficientDecrease, self.shrinkMin, self.shrinkMax, self.safeguard) =
      (sufficientDecrease, shrinkMin, shrinkMax, safeguard)
    try checkSettings()
    try checkShrinkRange()
  }

  /// σ₁ ≤ σ₂, which the table's per-setting ranges cannot say.
  func checkShrinkRange() throws(DescentError) {
    guard shrinkMin <= shrinkMax else {
      throw .invalidValue(
        name: "shrinkMin", value: Scalar.settingText(shrinkMin),
        expected: "a number ≤ shrink-max σ₂ (\(Scalar.settingText(shrinkMax)))")
    }
  }

  public func validateState(dimension d: Int) throws(DescentError) {
    try checkShrinkRange()
    try DescentError.requireMemory(
      stateSize(dimension: d), of: Scalar.self, name: "memory", value: memory,
      what: "3d + M + 1 numbers at d = \(d)")
    try DescentError.requireState(gradient, trial, trialGradient, dimension: d)
  }

  /// The gradient, trial point and trial gradient (3d) and M + 1 values.
  public func stateSize(dimension d: Int) -> Int? {
    MemoryRequirement.sum(MemoryRequirement.product(3, d), MemoryRequirement.sum(memory, 1))
  }

  /// λ_k, the last accepted step.
  public var stepSizes: [Scalar]? { started ? [lastStep] : nil }
  public var methodTermination: Termination? { termination }

  @inlinable
  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    guard termination == nil else { return }
    if !started {
      guard let first = oracle.firstEvaluation(at: w) else { return }
      (value, gradient) = first
      (trial, trialGradient) = ([Scalar](repeating: 0, count: w.count), [Scalar](repeating: 0, count: w.count))
      recentValues = [value]
      inverseStep = 1 / initialStepSize
      started = true
    }
    let squaredNorm = Vector.dot(gradient, gradient)
    guard squaredNorm > 0 else {
      termination = .methodConverged
      return
    }
    if !(inverseStep > safeguard && inverseStep < 1 / safeguard) {
      let norm = squaredNorm.squareRoot()
      inverseStep = norm > 1 ? 1 : (norm >= 1e-5 ? 1 / norm : 1e5)
    }
    let reference = NonmonotoneTest.reference(of: recentValues)
    var lambda = 1 / inverseStep
    while true {
      guard oracle.reserve(gradients: 1, values: 1) else { return }
      Vector.copy(w, into: &trial)
      Vector.subtractScaled(lambda, gradient, from: &trial)
      if trial == w {
        termination = .lineSearchFailed
        return
      }
      var trialValue = oracle.trialValue(at: trial)
      if let value = trialValue, value <= reference - sufficientDecrease * lambda * squaredNorm {
        if oracle.trialGradient(at: trial, into: &trialGradient) {
          accept(&w, step: lambda, value: value, squaredNorm: squaredNorm)
          return
        }
        trialValue = nil  // a gradient that is not finite: rejected, shrunk the most
      }
      lambda *= shrinkFactor(step: lambda, trialValue: trialValue, squaredNorm: squaredNorm)
    }
  }

  /// σ: the minimiser of the quadratic q(t) with q(0) = f(x_k), q′(0) = −gᵀg and
  /// q(λ) = f(trial), as a fraction of λ, clipped to [σ₁, σ₂].
  @usableFromInline
  func shrinkFactor(step lambda: Scalar, trialValue: Scalar?, squaredNorm: Scalar) -> Scalar {
    guard let trialValue else { return shrinkMin }
    let curvature = 2 * (trialValue - value + lambda * squaredNorm)
    let fraction = lambda * squaredNorm / curvature
    return fraction.isNaN ? shrinkMin : min(max(fraction, shrinkMin), shrinkMax)
  }

  /// x_{k+1} = trial, and α_{k+1} from s = −λ g_k and y = g_{k+1} − g_k.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @usableFromInline
  mutating func accept(_ w: inout [Scalar], step lambda: Scalar, value newValue: Scalar, squaredNorm: Scalar) {
    // gᵀy and yᵀy, in one pass; sᵀy = −λ gᵀy, sᵀs = λ² gᵀg.
    var gy: Scalar = 0
    var yy: Scalar = 0
    for i in gradient.indices {
      let y = trialGradient[i] - gradient[i]
      gy += gradient[i] * y
      yy += y * y
    }
    let sy = -lambda * gy
    inverseStep = formula == .bb1 ? sy / (lambda * lambda * squaredNorm) : yy / sy
    swap(&w, &trial)
    swap(&gradient, &trialGradient)
    value = newValue
    lastStep = lambda
    NonmonotoneTest.remember(newValue, in: &recentValues, memory: memory)
  }
}

extension BarzilaiBorwein: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "bb", summary: "Barzilai–Borwein steps with the GLL non-monotone line search (Raydan's GBB)",
      citation: "Raydan (1997); Barzilai & Borwein (1988)", initialiserDefaults: { try Self() },
      settings: [
        .choice("formula", \.formula, default: .bb1, "bb1: sᵀs/sᵀy, bb2: sᵀy/yᵀy"),
        .real("initialStepSize", \.initialStepSize, symbol: "λ₀", default: 1, .positive, "the first trial step"),
        .integer(
          "memory", \.memory, symbol: "M", default: 10, .atLeast(0), "values the non-monotone test looks back over"),
        .real(
          "sufficientDecrease", \.sufficientDecrease, symbol: "γ", default: 1e-4, .openUnit,
          "Armijo constant of the non-monotone test"),
        .real("shrinkMin", \.shrinkMin, symbol: "σ₁", default: 0.1, .openUnit, "smallest backtracking factor"),
        .real("shrinkMax", \.shrinkMax, symbol: "σ₂", default: 0.5, .openUnit, "largest backtracking factor (≥ σ₁)"),
        .real(
          "safeguard", \.safeguard, symbol: "ε", default: 1e-10, .openUnit,
          "inverse steps outside [ε, 1/ε] are reset to δ"),
      ])
  }
}
