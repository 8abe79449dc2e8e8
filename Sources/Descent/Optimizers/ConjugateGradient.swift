/// Nonlinear conjugate gradient with CG_DESCENT's direction and Hager and Zhang's line
/// search, set up as Optim.jl's `ConjugateGradient()` runs (LineSearches.jl's
/// `HagerZhang()` from `InitialHagerZhang()`, every setting at its default).
///
///     w_{k+1} = w_k + α_k s_k,   s₀ = −g₀
///     y = g_{k+1} − g_k,   η_k = 0.4·s_kᵀg_k / s_kᵀs_k
///     β_k = (yᵀg_{k+1} − (yᵀy)(g_{k+1}ᵀs_k) / yᵀs_k) / yᵀs_k,   β = max(β_k, η_k)  (η_k where β_k is NaN)
///     s_{k+1} = β s_k − g_{k+1}      (s = −g instead wherever gᵀs ≥ 0)
///
/// α_k: the search starts from Hager–Zhang's guess (I1–I2) from α_{k−1} (1 at first): f
/// at t = 0.2α_{k−1}; then the minimiser of the quadratic through f(0), ϕ′(0) and f(t),
/// where it is convex and f(t) ≤ f(0); else 2α_{k−1} where f(t) ≤ f(0), t where not (each
/// f alone, and shrunk ×0.1 while not finite). From there it brackets (×5), then narrows
/// by secant² and bisection, and accepts the first point that meets the Wolfe conditions
///
///     δ ϕ′(0) ≥ (ϕ(α) − ϕ(0)) / α   and   ϕ′(α) ≥ σ ϕ′(0)
///
/// or the approximate ones, (2δ − 1) ϕ′(0) ≥ ϕ′(α) ≥ σ ϕ′(0) and ϕ(α) ≤ ϕ(0) + ε|ϕ(0)|,
/// with δ 0.1, σ 0.9, ε 1e-6, γ 2/3 and at most 50 rounds, in LineSearches.jl's reading of
/// the paper's L0–L3 (`Utilities/Reference/cg_descent.py` lists where it differs). A
/// search that fails is tried once more from s = −g; a second failure ends the run
/// (`.lineSearchFailed`). The run converges by Optim's own tests (`.methodConverged`, the
/// result naming the test) when max|gᵢ| ≤ `maxGradientTolerance`, or, as Optim's defaults
/// x_abstol = f_abstol = 0 have it, when an iteration leaves w exactly where it was or two
/// successive ones leave f exactly as it was (in Float, where max|gᵢ| seldom reaches 1e-8,
/// these end the run once rounding stops it). A test the user did not set is off when the
/// run's stopping rules hold a tolerance of their own, as L-BFGS's.
///
/// Counts are Optim's: it evaluates through NLSolversBase's cache, which skips f (or ∇f)
/// at the point where it was last evaluated, so the guess's points cost a value each, the
/// search's first point (the guess's last) a gradient, its other points one of each, and
/// the accepted point nothing more when it was the last one tried. A non-finite f, or an
/// f that came with a non-finite ∇f, is taken as NaN (the oracle hands back nil, not the
/// number), which every test of the search rejects. Julia's search takes another path
/// only where f is ±∞: −∞ can pass its tests, and a failed search hands on the α of the
/// smallest ϕ tried, which is never a +∞ there but can be one (as the first NaN) here.
///
/// Hager, W. W. and Zhang, H. (2005). A new conjugate gradient method with guaranteed
/// descent and an efficient line search. SIAM J. Optimization, 16(1), 170–192.
/// Hager, W. W. and Zhang, H. (2006). Algorithm 851: CG_DESCENT. ACM TOMS, 32(1), 113–137.
/// Hager, W. W. and Zhang, H. (2013). The limited memory conjugate gradient method. SIAM
/// J. Optimization, 23(4), 2150–2168 (η_k). Optim.jl 2.2.1 and LineSearches.jl 7.6.3 for
/// the set-up.
///
/// Hyperparameters (Optim's defaults):
/// - `maxGradientTolerance` ≥ 0 (Optim's `g_abstol`), on max|gᵢ|, or nil: 1e-8 unless the
///   run has a tolerance of its own. Default nil.
public struct ConjugateGradient<Scalar: DescentFloat>: Optimizer {
  public internal(set) var maxGradientTolerance: Scalar?
  /// Whether the run's stopping rules hold a tolerance, which then replaces the test.
  @usableFromInline var runHasTolerance = false
  @usableFromInline var terminationReason: String?
  @usableFromInline var termination: Termination?

  @usableFromInline var iteration = 0
  @usableFromInline var started = false
  @usableFromInline var value: Scalar = 0
  /// Whether the last iteration left f as it was (Optim's counter of such iterations,
  /// which ends the run at 2).
  @usableFromInline var valueWasUnchanged = false
  @usableFromInline var gradient: [Scalar] = []
  /// s, the search direction.
  @usableFromInline var direction: [Scalar] = []
  /// The last accepted α, which the next guess starts from (Optim's 1 before the first).
  @usableFromInline var lastStep: Scalar = 1
  /// w + αs, the point being evaluated.
  @usableFromInline var trial: [Scalar] = []
  /// NLSolversBase's cache: where f was last evaluated and its value there, and where ∇f
  /// was and its value there. After an iteration both are at w.
  @usableFromInline var valuePoint: [Scalar] = []
  @usableFromInline var cachedValue: Scalar = 0
  @usableFromInline var gradientPoint: [Scalar] = []
  @usableFromInline var cachedGradient: [Scalar] = []
  /// The search's points α with ϕ(α) and ϕ′(α), in the order evaluated (0 first); emptied
  /// after each step.
  @usableFromInline var trialSteps: [Scalar] = []
  @usableFromInline var trialValues: [Scalar] = []
  @usableFromInline var trialSlopes: [Scalar] = []

  /// Why a step stopped short: the budget is spent, or the search failed.
  @usableFromInline typealias Interruption = LineSearchInterruption<Scalar>

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

  /// Six vectors of d (the gradient, the direction, the trial point and the cache's three),
  /// besides the search's few numbers per point tried.
  public func stateSize(dimension d: Int) -> Int? { MemoryRequirement.product(6, d) }

  public func validateState(dimension d: Int) throws(DescentError) {
    try DescentError.requireState(
      gradient, direction, trial, valuePoint, gradientPoint, cachedGradient, dimension: d)
    try DescentError.requireCount(iteration)
  }

  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    guard termination == nil else { return }
    if !started {
      guard let first = oracle.firstEvaluation(at: w) else { return }
      (value, gradient) = first
      direction = gradient.map { -$0 }
      (trial, valuePoint, gradientPoint) = (w, w, w)
      (cachedValue, cachedGradient) = (value, gradient)
      started = true
      if testGradient() { return }
    }
    defer { clearTrials() }
    let alpha: Scalar
    do throws(Interruption) {
      alpha = try search(from: w, oracle: &oracle)
      // Optim's update_fgh: f and ∇f at w + αs, free when α was the last point tried.
      Vector.point(w, along: direction, by: alpha, into: &trial)
      try evaluate(value: true, gradient: true, oracle: &oracle)
    } catch {
      // A search the budget cut short leaves w where it was; the run ends.
      if case .failed = error { termination = .lineSearchFailed }
      resetCache(to: w)
      return
    }
    // Optim stops on a candidate that is not finite; the search accepts only finite
    // points, so only an f that changes between calls gets here.
    guard cachedValue.isFinite, Vector.isFinite(cachedGradient), Vector.isFinite(trial) else {
      termination = .lineSearchFailed
      terminationReason = "f or ∇f at the accepted step is not finite"
      resetCache(to: w)
      return
    }
    let moved = !Self.same(trial, w)
    let valueChanged = cachedValue != value
    updateDirection()
    Vector.copy(trial, into: &w)
    Vector.copy(cachedGradient, into: &gradient)
    value = cachedValue
    lastStep = alpha
    iteration += 1
    if testGradient() { return }
    testProgress(moved: moved, valueChanged: valueChanged)
  }

  /// Ends the run when max|gᵢ| passes its test (Optim's default unless the run has a tolerance).
  mutating func testGradient() -> Bool {
    testGradient(tolerance: maxGradientTolerance ?? (runHasTolerance ? nil : 1e-8))
  }

  /// Ends the run where w did not move, or f did not change twice running.
  @usableFromInline
  mutating func testProgress(moved: Bool, valueChanged: Bool) {
    defer { valueWasUnchanged = !valueChanged }
    guard !runHasTolerance else { return }
    if !moved {
      termination = .methodConverged
      terminationReason = "w did not move (Optim's x_abstol = 0)"
    } else if !valueChanged && valueWasUnchanged {
      termination = .methodConverged
      terminationReason = "f did not change in two successive iterations (Optim's f_abstol = 0)"
    }
  }

  /// s = −g: Optim's only restart.
  @usableFromInline
  mutating func resetDirection() {
    for i in direction.indices { direction[i] = -gradient[i] }
  }

  /// s ← βs − g₊ (g₊ in `cachedGradient`, g in `gradient`), each product summed left
  /// to right as Optim's dot products.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @usableFromInline
  mutating func updateDirection() {
    var (ss, sg, ys, yg, yy, gs): (Scalar, Scalar, Scalar, Scalar, Scalar, Scalar) = (0, 0, 0, 0, 0, 0)
    for i in direction.indices {
      let (s, old, new) = (direction[i], gradient[i], cachedGradient[i])
      let y = new - old
      ss += s * s
      sg += s * old
      ys += y * s
      yg += y * new
      yy += y * y
      gs += new * s
    }
    let eta = 0.4 * sg / ss
    let betaK = (yg - yy * gs / ys) / ys  // θ = 1
    // NaNMath.max: a NaN loses; βmax = ∞ clamps nothing.
    let beta = betaK.isNaN ? eta : (eta.isNaN ? betaK : max(betaK, eta))
    for i in direction.indices { direction[i] = beta * direction[i] - cachedGradient[i] }
  }

  /// Optim's perform_linesearch!: ϕ′(0) = gᵀs (s reset to −g where ≥ 0), the guess and
  /// the search, and on failure both again from s = −g and the failed search's α.
  @usableFromInline
  mutating func search<Problem: Objective>(
    from w: [Scalar], oracle: inout CountingOracle<Problem>
  ) throws(Interruption) -> Scalar where Problem.Scalar == Scalar {
    var slope = Vector.dot(gradient, direction)
    if slope >= 0 {
      resetDirection()
      slope = Vector.dot(gradient, direction)
    }
    do throws(Interruption) {
      return try searchAlong(from: w, previous: lastStep, slope: slope, oracle: &oracle)
    } catch {
      guard case .failed(let alpha) = error else { throw error }
      resetDirection()
      return try searchAlong(from: w, previous: alpha, slope: Vector.dot(gradient, direction), oracle: &oracle)
    }
  }

  /// One guess and one search along `direction`; an α that is not positive is a failure.
  @usableFromInline
  mutating func searchAlong<Problem: Objective>(
    from w: [Scalar], previous: Scalar, slope: Scalar, oracle: inout CountingOracle<Problem>
  ) throws(Interruption) -> Scalar where Problem.Scalar == Scalar {
    let guess = try initialStep(from: w, previous: previous, slope: slope, oracle: &oracle)
    let alpha = try hagerZhang(from: w, start: guess, slope: slope, oracle: &oracle)
    guard alpha > 0 else { throw .failed(alpha) }
    return alpha
  }

  /// ϕ(α) = f(w + αs), f alone (LineSearches' ϕ).
  @usableFromInline
  mutating func lineValue<Problem: Objective>(
    at alpha: Scalar, from w: [Scalar], oracle: inout CountingOracle<Problem>
  ) throws(Interruption) -> Scalar where Problem.Scalar == Scalar {
    Vector.point(w, along: direction, by: alpha, into: &trial)
    try evaluate(value: true, gradient: false, oracle: &oracle)
    return cachedValue
  }

  /// (ϕ(α), ϕ′(α)) = (f(w + αs), ∇f(w + αs)ᵀs) (LineSearches' ϕdϕ).
  @usableFromInline
  mutating func lineValueAndSlope<Problem: Objective>(
    at alpha: Scalar, from w: [Scalar], oracle: inout CountingOracle<Problem>
  ) throws(Interruption) -> (Scalar, Scalar) where Problem.Scalar == Scalar {
    Vector.point(w, along: direction, by: alpha, into: &trial)
    try evaluate(value: true, gradient: true, oracle: &oracle)
    return (cachedValue, Vector.dot(cachedGradient, direction))
  }

  /// f and ∇f at `trial`, as asked, each evaluated and counted only where the cache does
  /// not hold it, as NLSolversBase's value_gradient!.
  @usableFromInline
  mutating func evaluate<Problem: Objective>(
    value wantsValue: Bool, gradient wantsGradient: Bool, oracle: inout CountingOracle<Problem>
  ) throws(Interruption) where Problem.Scalar == Scalar {
    let needsValue = wantsValue && !Self.same(trial, valuePoint)
    let needsGradient = wantsGradient && !Self.same(trial, gradientPoint)
    guard needsValue || needsGradient else { return }
    guard oracle.reserve(gradients: needsGradient ? 1 : 0, values: needsValue ? 1 : 0) else { throw .budget }
    if needsValue && needsGradient {
      cachedValue = oracle.trialValueAndGradient(at: trial, into: &cachedGradient) ?? .nan
    } else if needsValue {
      cachedValue = oracle.trialValue(at: trial) ?? .nan
    } else {
      _ = oracle.trialGradient(at: trial, into: &cachedGradient)
    }
    if needsValue { Vector.copy(trial, into: &valuePoint) }
    if needsGradient { Vector.copy(trial, into: &gradientPoint) }
  }

  /// The cache back at w, where a completed iteration leaves it: a step cut short leaves
  /// the same finite state between steps (a checkpoint encodes it) as one that completes.
  @usableFromInline
  mutating func resetCache(to w: [Scalar]) {
    Vector.copy(w, into: &trial)
    Vector.copy(w, into: &valuePoint)
    Vector.copy(w, into: &gradientPoint)
    Vector.copy(gradient, into: &cachedGradient)
    cachedValue = value
  }

  /// Whether two points are equal entry by entry (NaN equal to nothing), as Julia's `==`.
  @usableFromInline
  static func same(_ x: [Scalar], _ y: [Scalar]) -> Bool {
    for i in x.indices where x[i] != y[i] { return false }
    return true
  }
}

/// Its line search is Hager–Zhang's (`LineSearch/HagerZhang.swift`), along the line
/// this method caches as NLSolversBase does.
extension ConjugateGradient: HagerZhangSearch {}

extension ConjugateGradient: EndsByMaxGradient {}

extension ConjugateGradient: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "cg", summary: "nonlinear conjugate gradient (CG_DESCENT) with Hager–Zhang's line search, as Optim.jl's",
      citation: "Hager & Zhang (2005, 2006, 2013)",
      initialiserDefaults: { try Self() },
      settings: [
        MaxGradientTest.setting(\.maxGradientTolerance, symbol: "g_abstol", reference: "Optim", value: "1e-8")
      ])
  }
}
