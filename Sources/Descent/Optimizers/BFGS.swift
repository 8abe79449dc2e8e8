/// BFGS: quasi-Newton steps from a dense inverse-Hessian estimate, with a Moré–Thuente
/// strong-Wolfe line search, set up as scipy's `minimize(method="BFGS")` runs.
///
///     p_k = −H_k g_k,  w_{k+1} = w_k + α_k p_k   (α_k: strong Wolfe, c₁ 1e-4, c₂ 0.9, xtol 1e-14)
///     s = α_k p_k,  y = g_{k+1} − g_k,  ρ = 1/(yᵀs)  (1000 where yᵀs = 0, as scipy)
///     H_{k+1} = (I − ρ s yᵀ) H_k (I − ρ y sᵀ) + ρ s sᵀ,   H₀ = I
///
/// The first trial step is min(1, 2.02·(f_k − f_{k−1})/(g_kᵀp_k)) (1 where that is
/// negative), with f_{−1} = f₀ + ‖g₀‖/2, so the first step has length about 1; the search
/// takes at most 100 trials. Each trial point costs one value and one gradient.
///
/// Where scipy's search fails it tries a second one (Nocedal–Wright's zoom) before
/// giving up; here a failed search resets H to I, and a second failure from H = I ends
/// the run (`.lineSearchFailed`). The run converges by BFGS's own test
/// (`.methodConverged`) when max|gᵢ| ≤ `maxGradientTolerance`, which is off when the
/// run's stopping rules hold a tolerance of their own, as L-BFGS's.
///
/// H is d × d: for problems up to a few thousand parameters (`validate` checks the
/// memory). Each step costs O(d²).
///
/// Broyden, C. G. (1970); Fletcher, R. (1970); Goldfarb, D. (1970); Shanno, D. F.
/// (1970). Nocedal, J. and Wright, S. J. (2006). Numerical Optimization, 2nd ed.,
/// Algorithm 6.1. scipy.optimize's `_minimize_bfgs` (1.17) for the set-up.
///
/// Hyperparameters (scipy's defaults):
/// - `maxGradientTolerance` ≥ 0 (scipy's `gtol`), on max|gᵢ|, or nil: 1e-5 unless the run
///   has a tolerance of its own. Default nil.
public struct BFGS<Scalar: DescentFloat>: Optimizer {
  public internal(set) var maxGradientTolerance: Scalar?
  /// Whether the run's stopping rules hold a tolerance, which then replaces the test.
  @usableFromInline var runHasTolerance = false
  @usableFromInline var terminationReason: String?
  @usableFromInline var termination: Termination?

  @usableFromInline var iteration = 0
  @usableFromInline var started = false
  @usableFromInline var value: Scalar = 0
  /// f at the previous iterate, for the first trial step.
  @usableFromInline var previousValue: Scalar = 0
  /// H, row-major d × d.
  @usableFromInline var inverseHessian: [Scalar] = []
  @usableFromInline var gradient: [Scalar] = []
  @usableFromInline var direction: [Scalar] = []
  @usableFromInline var trial: [Scalar] = []
  @usableFromInline var trialGradient: [Scalar] = []
  /// Hy, for the update.
  @usableFromInline var product: [Scalar] = []
  @usableFromInline var lastStep: Scalar = 0

  public init(maxGradientTolerance: Scalar? = nil) throws(DescentError) {
    self.maxGradientTolerance = maxGradientTolerance
    try checkSettings()
  }

  public mutating func prepare(for rules: StoppingRules<Scalar>) {
    runHasTolerance = rules.hasTolerance
  }

  public var stepSizes: [Scalar]? { iteration > 0 ? [lastStep] : nil }
  public var methodTermination: Termination? { termination }
  public var methodTerminationReason: String? { terminationReason }

  /// H (d²) and five vectors of d.
  public func stateSize(dimension d: Int) -> Int? {
    MemoryRequirement.sum(MemoryRequirement.product(d, d), MemoryRequirement.product(5, d))
  }

  public func validateState(dimension d: Int) throws(DescentError) {
    try DescentError.requireMemory(
      stateSize(dimension: d), of: Scalar.self, name: "dimension", value: d, what: "d² + 5d numbers at d = \(d)")
    try DescentError.requireState(gradient, direction, trial, trialGradient, product, dimension: d)
    guard inverseHessian.isEmpty || inverseHessian.count == d * d else {
      throw .invalidValue(
        name: "state", value: "\(inverseHessian.count) numbers", expected: "an inverse Hessian of \(d)² numbers")
    }
    try DescentError.requireCount(iteration)
  }

  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    guard termination == nil else { return }
    let d = w.count
    if !started {
      guard let first = oracle.firstEvaluation(at: w) else { return }
      (value, gradient) = first
      let zeros = [Scalar](repeating: 0, count: d)
      (direction, trialGradient, product, trial) = (zeros, zeros, zeros, w)
      resetInverseHessian(dimension: d)
      previousValue = value + Vector.norm(gradient) / 2
      started = true
      if testGradient() { return }
    }
    applyInverseHessian()  // p = −Hg
    let slope = Vector.dot(gradient, direction)
    var firstStep: Scalar = 1
    if slope != 0 {
      firstStep = min(1, 1.01 * 2 * (value - previousValue) / slope)
      if firstStep < 0 { firstStep = 1 }
    }
    // scipy's line_search_wolfe1: a warning (no progress possible) is a failure.
    var search = MoreThuente<Scalar>(ftol: 1e-4, gtol: 0.9, xtol: 1e-14, minStep: 1e-100, maxStep: 1e100)
    guard slope < 0,
      let (step, newValue) = search.search(
        from: w, along: direction, value: value, slope: slope, firstStep: firstStep, maxEvaluations: 100,
        acceptingWarnings: false, trial: &trial, trialGradient: &trialGradient, oracle: &oracle)
    else {
      if oracle.spentBudget != nil { return }
      if iteration == 0 || isIdentity { termination = .lineSearchFailed } else { resetInverseHessian(dimension: d) }
      previousValue = value + Vector.norm(gradient) / 2
      return
    }
    // s = αp (kept in `direction`), y = g₊ − g (kept in `gradient`).
    for i in 0..<d {
      direction[i] *= step
      gradient[i] = trialGradient[i] - gradient[i]
    }
    Vector.copy(trial, into: &w)
    update()
    swap(&gradient, &trialGradient)
    (previousValue, value) = (value, newValue)
    lastStep = step
    iteration += 1
    _ = testGradient()
  }

  /// Whether H is the identity (after a reset, before any update).
  @usableFromInline var isIdentity: Bool {
    let d = gradient.count
    for i in 0..<d {
      for j in 0..<d where inverseHessian[i * d + j] != (i == j ? 1 : 0) { return false }
    }
    return true
  }

  @usableFromInline
  mutating func resetInverseHessian(dimension d: Int) {
    inverseHessian = [Scalar](repeating: 0, count: d * d)
    for i in 0..<d { inverseHessian[i * d + i] = 1 }
  }

  /// direction = −H·gradient.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @usableFromInline
  mutating func applyInverseHessian() {
    let d = gradient.count
    for i in 0..<d {
      var total: Scalar = 0
      for j in 0..<d { total += inverseHessian[i * d + j] * gradient[j] }
      direction[i] = -total
    }
  }

  /// H ← (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ = H − ρ(s(Hy)ᵀ + (Hy)sᵀ) + (ρ²yᵀHy + ρ)ssᵀ, with
  /// s in `direction` and y in `gradient` (H symmetric).
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @usableFromInline
  mutating func update() {
    let d = gradient.count
    let curvature = Vector.dot(gradient, direction)
    let rho: Scalar = curvature == 0 ? 1000 : 1 / curvature
    for i in 0..<d {
      var total: Scalar = 0
      for j in 0..<d { total += inverseHessian[i * d + j] * gradient[j] }
      product[i] = total
    }
    let yHy = Vector.dot(gradient, product)
    let outer = rho * rho * yHy + rho
    for i in 0..<d {
      let (si, hi) = (direction[i], product[i])
      for j in 0..<d {
        inverseHessian[i * d + j] += outer * si * direction[j] - rho * (si * product[j] + hi * direction[j])
      }
    }
  }

  /// Ends the run when max|gᵢ| passes its test (scipy's default unless the run has a tolerance).
  mutating func testGradient() -> Bool {
    testGradient(tolerance: maxGradientTolerance ?? (runHasTolerance ? nil : 1e-5))
  }
}

extension BFGS: EndsByMaxGradient {}

extension BFGS: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "bfgs", summary: "dense BFGS with a Moré–Thuente strong-Wolfe line search, as scipy's (d up to thousands)",
      citation: "Broyden, Fletcher, Goldfarb & Shanno (1970); Nocedal & Wright (2006)",
      initialiserDefaults: { try Self() },
      settings: [
        MaxGradientTest.setting(\.maxGradientTolerance, symbol: "gtol", reference: "scipy", value: "1e-5")
      ])
  }
}
