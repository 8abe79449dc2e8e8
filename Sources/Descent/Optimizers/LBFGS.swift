/// L-BFGS: quasi-Newton steps from the last m curvature pairs, with a Moré–Thuente
/// strong-Wolfe line search, set up as scipy's L-BFGS-B runs on unbounded problems.
///
///     d_k = −H_k g_k          (two-loop recursion, H⁰ = (sᵀy / yᵀy) I from the newest pair)
///     w_{k+1} = w_k + α_k d_k  (α_k: strong Wolfe, ftol 1e-3, gtol 0.9, xtol 0.1)
///     s_k = α_k d_k,  y_k = g_{k+1} − g_k,  kept when s_kᵀy_k > ε·(−g_kᵀ s_k)
///
/// The first trial step is 1/‖d‖ on the first iteration and 1 after. A line search
/// that fails, or takes more than 20 evaluations, restarts from the last iterate
/// with the memory cleared; a second failure with an empty memory ends the run
/// (`.lineSearchFailed`). The run converges by L-BFGS's own tests (`.methodConverged`,
/// the result naming the test and its value) when max|gᵢ| ≤ `maxGradientTolerance`,
/// or when the relative decrease of f in one iteration is at most
/// `relativeDecreaseTolerance`. Each trial point costs one value and one gradient.
///
/// Its own tests never end a run before a tolerance the user asked of the run: when
/// the stopping rules hold a tolerance (on ‖w − w*‖, f − f* or ‖∇f‖), a test the user
/// did not set is off, and the run goes on until the user's tolerance or budget.
///
/// Liu, D. C. and Nocedal, J. (1989). On the limited memory BFGS method for large
/// scale optimization. Mathematical Programming, 45, 503–528.
/// Byrd, R. H., Lu, P., Nocedal, J. and Zhu, C. (1995). A limited memory algorithm
/// for bound constrained optimization. SIAM J. Scientific Computing, 16, 1190–1208.
///
/// Hyperparameters (scipy's L-BFGS-B defaults):
/// - `memory` m ≥ 1. Default 10.
/// - `maxGradientTolerance` ≥ 0 (scipy's `gtol`), on max|gᵢ|, or nil: scipy's 1e-5 unless
///   the run has a tolerance of its own. Default nil.
/// - `relativeDecreaseTolerance` ≥ 0 (scipy's `ftol`), on (f_k − f_{k+1}) / max(|f_k|,
///   |f_{k+1}|, 1), or nil: scipy's factr·ε = 1e7 × Double's ε = 2.220446049250313e-9 in
///   both precisions (1e7 × Float's ε would be 1.19, which every step passes), unless the
///   run has a tolerance of its own. Default nil.
public struct LBFGS<Scalar: DescentFloat>: Optimizer {
  public internal(set) var memory: Int
  public internal(set) var maxGradientTolerance: Scalar?
  public internal(set) var relativeDecreaseTolerance: Scalar?
  /// Whether the run's stopping rules hold a tolerance, which then replaces the tests
  /// the user did not set.
  @usableFromInline var runHasTolerance = false
  /// The test that ended the run, with its value.
  @usableFromInline var terminationReason: String?

  /// Completed iterations (line searches that moved w).
  @usableFromInline var iteration = 0
  @usableFromInline var started = false
  @usableFromInline var value: Scalar = 0
  @usableFromInline var gradient: [Scalar] = []
  @usableFromInline var direction: [Scalar] = []
  @usableFromInline var trial: [Scalar] = []
  @usableFromInline var trialGradient: [Scalar] = []
  /// The newest `pairs` of (s, y), ring slot `(newest − j) mod m` holding pair j back.
  @usableFromInline var history = CurvatureHistory<Scalar>()
  @usableFromInline var lastStep: Scalar = 0
  @usableFromInline var termination: Termination?

  public init(memory: Int = 10, maxGradientTolerance: Scalar? = nil, relativeDecreaseTolerance: Scalar? = nil)
    throws(DescentError)
  {
    self.memory = memory
    self.maxGradientTolerance = maxGradientTolerance
    self.relativeDecreaseTolerance = relativeDecreaseTolerance
    try checkSettings()
  }

  /// The tests in force: each as set, or scipy's unless the run has a tolerance.
  var tests: (maxGradient: Scalar?, relativeDecrease: Scalar?) {
    (
      maxGradientTolerance ?? (runHasTolerance ? nil : 1e-5),
      relativeDecreaseTolerance ?? (runHasTolerance ? nil : 2.220446049250313e-9)
    )
  }

  public mutating func prepare(for rules: StoppingRules<Scalar>) {
    runHasTolerance = rules.hasTolerance
  }

  public var methodTerminationReason: String? { terminationReason }

  /// Ends the run when max|gᵢ| passes its test.
  mutating func testGradient() -> Bool { testGradient(tolerance: tests.maxGradient) }

  public func validateState(dimension d: Int) throws(DescentError) {
    try DescentError.requireMemory(
      stateSize(dimension: d), of: Scalar.self, name: "memory", value: memory,
      what: "2m·d + 4d + 2m numbers at d = \(d)")
    try DescentError.requireState(gradient, direction, trial, trialGradient, dimension: d)
    try history.requireFits(capacity: memory, dimension: d)
    try DescentError.requireCount(iteration)
  }

  /// The m pairs (2m·d and 2m numbers) and four vectors of d.
  public func stateSize(dimension d: Int) -> Int? {
    let pairs = MemoryRequirement.product(2, memory).flatMap { MemoryRequirement.product($0, d) }
    return MemoryRequirement.sum(
      MemoryRequirement.sum(pairs, MemoryRequirement.product(4, d)), MemoryRequirement.product(2, memory))
  }

  public var stepSizes: [Scalar]? { iteration > 0 ? [lastStep] : nil }
  public var methodTermination: Termination? { termination }

  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    guard termination == nil else { return }
    let d = w.count
    if !started {
      guard let first = oracle.firstEvaluation(at: w) else { return }
      (value, gradient) = first
      let zeros = [Scalar](repeating: 0, count: d)
      (direction, trialGradient, trial) = (zeros, zeros, w)
      history = CurvatureHistory(capacity: memory, dimension: d)
      started = true
      if testGradient() { return }
    }

    history.applyInverseHessian(to: gradient, into: &direction)  // d = −Hg
    var slope = Vector.dot(gradient, direction)
    if !(slope < 0) {
      history.clear()
      history.applyInverseHessian(to: gradient, into: &direction)
      slope = Vector.dot(gradient, direction)
    }
    let firstStep = iteration == 0 ? min(1 / Vector.norm(direction), 1e10) : 1
    // As in L-BFGS-B, a warning (no further progress possible) accepts the trial.
    var search = MoreThuente<Scalar>()
    guard
      let (step, newValue) = search.search(
        from: w, along: direction, value: value, slope: slope, firstStep: firstStep, maxEvaluations: 20,
        acceptingWarnings: true, trial: &trial, trialGradient: &trialGradient, oracle: &oracle)
    else {
      // A search the budget cut short leaves w where it was; the run ends.
      if oracle.spentBudget != nil { return }
      // Restart with steepest descent, or give up if that was steepest descent.
      if history.count == 0 { termination = .lineSearchFailed } else { history.clear() }
      return
    }

    // s = α d, y = g₊ − g; the pair is kept only under positive curvature.
    history.push(step: step, direction: direction, oldGradient: gradient, newGradient: trialGradient)
    Vector.copy(trial, into: &w)
    swap(&gradient, &trialGradient)
    let oldValue = value
    value = newValue
    lastStep = step
    iteration += 1

    if testGradient() { return }
    let decrease = (oldValue - value) / max(abs(oldValue), abs(value), 1)
    if let tolerance = tests.relativeDecrease, decrease <= tolerance {
      termination = .methodConverged
      terminationReason = "relative decrease of f = \(decrease) ≤ relative-decrease-tolerance \(tolerance)"
    }
  }
}

extension LBFGS: EndsByMaxGradient {}

extension LBFGS: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "lbfgs", summary: "limited-memory BFGS with a Moré–Thuente strong-Wolfe line search",
      citation: "Liu & Nocedal (1989); Byrd, Lu, Nocedal & Zhu (1995); Moré & Thuente (1994)",
      initialiserDefaults: { try Self() },
      settings: [
        .integer("memory", \.memory, symbol: "m", default: 10, .atLeast(1), "curvature pairs kept"),
        MaxGradientTest.setting(\.maxGradientTolerance, symbol: "gtol", reference: "scipy", value: "1e-5"),
        .optionalReal(
          "relativeDecreaseTolerance", \.relativeDecreaseTolerance, symbol: "ftol", none: "scipy", .nonNegative,
          "own test: f falls by at most this, relatively; scipy: 2.2e-9, off when the run sets a tolerance"),
      ])
  }
}
