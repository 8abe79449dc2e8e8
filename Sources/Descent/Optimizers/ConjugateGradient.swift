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

  /// Why a step stopped short: the budget is spent, or the search failed, with the α
  /// LineSearches' exception carries (the next try's guess starts from it).
  @usableFromInline enum Interruption: Error {
    case budget
    case failed(Scalar)
  }

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
      guard oracle.reserve(gradients: 1, values: 1) else { return }
      gradient = [Scalar](repeating: 0, count: w.count)
      value = oracle.valueAndGradient(at: w, into: &gradient)
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
      LBFGS<Scalar>.point(w, along: direction, by: alpha, into: &trial)
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

  /// Ends the run when max|gᵢ| passes its test.
  @usableFromInline
  mutating func testGradient() -> Bool {
    guard
      let reason = MaxGradientTest.reason(gradient, tolerance: maxGradientTolerance ?? (runHasTolerance ? nil : 1e-8))
    else { return false }
    (termination, terminationReason) = (.methodConverged, reason)
    return true
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

  /// Tries: ceil(−log₂ ε), 52 in Double and 23 in Float.
  @usableFromInline static var finiteTries: Int { Scalar.significandBitCount }

  /// InitialHagerZhang (I1–I2) from the previous α, every point f alone.
  @usableFromInline
  mutating func initialStep<Problem: Objective>(
    from w: [Scalar], previous alpha: Scalar, slope: Scalar, oracle: inout CountingOracle<Problem>
  ) throws(Interruption) -> Scalar where Problem.Scalar == Scalar {
    var t = 0.2 * alpha
    if t == 0 { return t }
    var phiT = try lineValue(at: t, from: w, oracle: &oracle)
    (t, phiT) = try finite(t, phiT, from: w, oracle: &oracle)
    if t == 0 { return t }
    var quadratic = false
    let a = ((phiT - value) / t - slope) / t
    if a.isFinite && a > 0 && phiT <= value {
      let minimiser = -slope / 2 / a
      let phiMinimiser = try lineValue(at: minimiser, from: w, oracle: &oracle)
      if phiMinimiser.isFinite {
        quadratic = true
        (t, phiT) = (minimiser, phiMinimiser)
      }
    }
    // Where f(t) > f(0) a minimum lies before t, and t is returned as it is.
    if !quadratic && phiT <= value {
      t = 2 * alpha
      phiT = try lineValue(at: t, from: w, oracle: &oracle)
      (t, phiT) = try finite(t, phiT, from: w, oracle: &oracle)
    }
    return t
  }

  /// get_finite: t shrunk ×0.1 until ϕ(t) is finite; (0, ϕ(0)) after `finiteTries` tries.
  @usableFromInline
  mutating func finite<Problem: Objective>(
    _ t: Scalar, _ phiT: Scalar, from w: [Scalar], oracle: inout CountingOracle<Problem>
  ) throws(Interruption) -> (Scalar, Scalar) where Problem.Scalar == Scalar {
    var (t, phiT) = (t, phiT)
    var tries = 1
    while !phiT.isFinite {
      if tries >= Self.finiteTries { return (0, value) }
      t = 0.1 * t
      phiT = try lineValue(at: t, from: w, oracle: &oracle)
      tries += 1
    }
    return (t, phiT)
  }

  /// HagerZhang from the guess c: L0, bracketing (B0–B3), then secant² and bisection
  /// (L1–L3) in rounds shared with the bracketing. Returns α; throws `.failed` as
  /// LineSearches throws its exception.
  @usableFromInline
  mutating func hagerZhang<Problem: Objective>(
    from w: [Scalar], start c: Scalar, slope dphi0: Scalar, oracle: inout CountingOracle<Problem>
  ) throws(Interruption) -> Scalar where Problem.Scalar == Scalar {
    let phi0 = value
    guard phi0.isFinite && dphi0.isFinite, dphi0 < 0 else { throw .failed(0) }
    clearTrials()
    record(0, phi0, dphi0)
    let limit = phi0 + 1e-6 * abs(phi0)
    var c = c
    if c < 0 { throw .failed(0) }
    if c <= Scalar.ulpOfOne { throw .failed(c) }
    if !c.isFinite { throw .failed(0) }
    var (phiC, dphiC) = try lineValueAndSlope(at: c, from: w, oracle: &oracle)
    var tries = 1
    while !(phiC.isFinite && dphiC.isFinite) && tries < Self.finiteTries {
      tries += 1
      c *= 0.1
      (phiC, dphiC) = try lineValueAndSlope(at: c, from: w, oracle: &oracle)
    }
    guard phiC.isFinite && dphiC.isFinite else { throw .failed(c) }
    record(c, phiC, dphiC)
    if Self.wolfe(c, phiC, dphiC, phi0, dphi0, limit) { return c }

    var (ia, ib) = (0, 1)
    var bracketed = false
    var round = 1
    // Lowered to a step whose point was not finite while expanding.
    var maxStep = Scalar.infinity
    while !bracketed && round < 50 {
      if dphiC >= 0 {
        // Uphill: b = c, a = the latest earlier point within the limit.
        ib = trialSteps.count - 1
        for i in stride(from: ib - 1, through: 0, by: -1) where trialValues[i] <= limit {
          ia = i
          break
        }
        bracketed = true
      } else if trialValues[trialValues.count - 1] > limit {
        // Downhill but above the limit: a minimum lies in [0, c].
        var wolfe: Bool
        (ia, ib, wolfe) = try bisect(0, trialSteps.count - 1, limit, from: w, oracle: &oracle)
        if wolfe { return trialSteps[ib] }
        bracketed = true
      } else {
        let cold = c
        if cold.nextUp >= maxStep {
          if maxStep < .infinity { throw .failed(cold) }
          return cold
        }
        c = min(c * 5, maxStep)
        (phiC, dphiC) = try lineValueAndSlope(at: c, from: w, oracle: &oracle)
        var tries = 1
        while !(phiC.isFinite && dphiC.isFinite) && c > cold.nextUp && tries < Self.finiteTries {
          maxStep = c
          tries += 1
          c = (cold + c) / 2
          (phiC, dphiC) = try lineValueAndSlope(at: c, from: w, oracle: &oracle)
        }
        if !(phiC.isFinite && dphiC.isFinite) {
          if maxStep < .infinity { throw .failed(cold) }
          return cold
        }
        record(c, phiC, dphiC)
        if Self.wolfe(c, phiC, dphiC, phi0, dphi0, limit) { return c }
      }
      round += 1
    }
    let gamma: Scalar = 2 / 3
    while round < 50 {
      let (a, b) = (trialSteps[ia], trialSteps[ib])
      // LineSearches asserts b > a and stops Optim where it fails; here the search fails.
      guard b > a else { throw .failed(bestStep) }
      if b - a <= b.ulp { return a }
      let (wolfe, iA, iB) = try secant2(ia, ib, limit, from: w, oracle: &oracle)
      if wolfe { return trialSteps[iA] }
      let (newA, newB) = (trialSteps[iA], trialSteps[iB])
      guard newB > newA else { throw .failed(bestStep) }
      if newB - newA < gamma * (b - a) {
        (ia, ib) = (iA, iB)
      } else {
        // The secant steps shrank the bracket too little: bisect it.
        c = (newA + newB) / 2
        (phiC, dphiC) = try lineValueAndSlope(at: c, from: w, oracle: &oracle)
        record(c, phiC, dphiC)
        if Self.wolfe(c, phiC, dphiC, phi0, dphi0, limit) { return c }
        var wolfe: Bool
        (ia, ib, wolfe) = try update(iA, iB, trialSteps.count - 1, limit, from: w, oracle: &oracle)
        if wolfe { return trialSteps[ib] }
      }
      round += 1
    }
    throw .failed(bestStep)
  }

  /// secant2! (S1–S4): returns (Wolfe met, A, B).
  @usableFromInline
  mutating func secant2<Problem: Objective>(
    _ ia: Int, _ ib: Int, _ limit: Scalar, from w: [Scalar], oracle: inout CountingOracle<Problem>
  ) throws(Interruption) -> (Bool, Int, Int) where Problem.Scalar == Scalar {
    let (phi0, dphi0) = (trialValues[0], trialSlopes[0])
    // LineSearches raises an error here, which stops Optim; here the search fails.
    guard trialSlopes[ia] < 0 else { throw .failed(bestStep) }
    var c = Self.secant(trialSteps[ia], trialSteps[ib], trialSlopes[ia], trialSlopes[ib])
    if !c.isFinite { c = (trialSteps[ia] + trialSteps[ib]) / 2 }
    var (phiC, dphiC) = try lineValueAndSlope(at: c, from: w, oracle: &oracle)
    record(c, phiC, dphiC)
    var ic = trialSteps.count - 1
    if Self.wolfe(c, phiC, dphiC, phi0, dphi0, limit) { return (true, ic, ic) }
    var (iA, iB, wolfe) = try update(ia, ib, ic, limit, from: w, oracle: &oracle)
    if wolfe { return (true, iB, iB) }
    // The secant again, through the end c replaced and the old one.
    if iB == ic {
      c = Self.secant(trialSteps[ib], trialSteps[iB], trialSlopes[ib], trialSlopes[iB])
    } else if iA == ic {
      c = Self.secant(trialSteps[ia], trialSteps[iA], trialSlopes[ia], trialSlopes[iA])
    }
    if (iA == ic || iB == ic) && trialSteps[iA] <= c && c <= trialSteps[iB] {
      (phiC, dphiC) = try lineValueAndSlope(at: c, from: w, oracle: &oracle)
      record(c, phiC, dphiC)
      ic = trialSteps.count - 1
      if Self.wolfe(c, phiC, dphiC, phi0, dphi0, limit) { return (true, ic, ic) }
      (iA, iB, wolfe) = try update(iA, iB, ic, limit, from: w, oracle: &oracle)
      if wolfe { return (true, iB, iB) }
    }
    return (false, iA, iB)
  }

  /// update! (U0–U3): the bracket [a, b] with c, evaluated, put in; returns (A, B, Wolfe met).
  @usableFromInline
  mutating func update<Problem: Objective>(
    _ ia: Int, _ ib: Int, _ ic: Int, _ limit: Scalar, from w: [Scalar], oracle: inout CountingOracle<Problem>
  ) throws(Interruption) -> (Int, Int, Bool) where Problem.Scalar == Scalar {
    let (a, b, c) = (trialSteps[ia], trialSteps[ib], trialSteps[ic])
    guard trialSlopes[ia] < 0, trialValues[ia] <= limit, b > a else { throw .failed(bestStep) }
    if c < a || c > b { return (ia, ib, false) }
    if trialSlopes[ic] >= 0 { return (ia, ic, false) }
    if trialValues[ic] <= limit && trialSlopes[ic].isFinite { return (ic, ib, false) }
    return try bisect(ia, ic, limit, from: w, oracle: &oracle)
  }

  /// bisect! (U3 with θ = ½): halves [a, b] until ϕ′ ≥ 0 at the midpoint, a midpoint meets
  /// the Wolfe conditions, or b − a is one ulp of b; returns (a, b, Wolfe met).
  @usableFromInline
  mutating func bisect<Problem: Objective>(
    _ ia: Int, _ ib: Int, _ limit: Scalar, from w: [Scalar], oracle: inout CountingOracle<Problem>
  ) throws(Interruption) -> (Int, Int, Bool) where Problem.Scalar == Scalar {
    var (ia, ib) = (ia, ib)
    var (a, b) = (trialSteps[ia], trialSteps[ib])
    guard trialSlopes[ia] < 0, trialValues[ia] <= limit, b > a else { throw .failed(bestStep) }
    let (phi0, dphi0) = (trialValues[0], trialSlopes[0])
    while b - a > b.ulp {
      let d = (a + b) / 2
      let (phiD, dphiD) = try lineValueAndSlope(at: d, from: w, oracle: &oracle)
      record(d, phiD, dphiD)
      let id = trialSteps.count - 1
      if Self.wolfe(d, phiD, dphiD, phi0, dphi0, limit) { return (ia, id, true) }
      if dphiD >= 0 { return (ia, id, false) }
      if phiD <= limit && dphiD.isFinite {
        (a, ia) = (d, id)
      } else {
        (b, ib) = (d, id)
      }
    }
    return (ia, ib, false)
  }

  /// The Wolfe conditions or the approximate ones, at step c.
  @usableFromInline
  static func wolfe(_ c: Scalar, _ phiC: Scalar, _ dphiC: Scalar, _ phi0: Scalar, _ dphi0: Scalar, _ limit: Scalar)
    -> Bool
  {
    let (delta, sigma): (Scalar, Scalar) = (0.1, 0.9)
    let wolfe = delta * dphi0 >= (phiC - phi0) / c && dphiC >= sigma * dphi0
    let approximate = (2 * delta - 1) * dphi0 >= dphiC && dphiC >= sigma * dphi0 && phiC <= limit
    return wolfe || approximate
  }

  /// The zero of the line through (a, ϕ′(a)) and (b, ϕ′(b)).
  @usableFromInline
  static func secant(_ a: Scalar, _ b: Scalar, _ dphiA: Scalar, _ dphiB: Scalar) -> Scalar {
    (a * dphiB - b * dphiA) / (dphiB - dphiA)
  }

  /// The α of the smallest ϕ tried (the first NaN, as Julia's argmin), which a search
  /// that fails hands to the next try.
  @usableFromInline var bestStep: Scalar {
    var best = 0
    for i in trialValues.indices {
      if trialValues[i].isNaN {
        best = i
        break
      }
      if trialValues[i] < trialValues[best] { best = i }
    }
    return trialSteps[best]
  }

  @usableFromInline
  mutating func record(_ alpha: Scalar, _ phi: Scalar, _ slope: Scalar) {
    trialSteps.append(alpha)
    trialValues.append(phi)
    trialSlopes.append(slope)
  }

  @usableFromInline
  mutating func clearTrials() {
    trialSteps.removeAll(keepingCapacity: true)
    trialValues.removeAll(keepingCapacity: true)
    trialSlopes.removeAll(keepingCapacity: true)
  }

  /// ϕ(α) = f(w + αs), f alone (LineSearches' ϕ).
  @usableFromInline
  mutating func lineValue<Problem: Objective>(
    at alpha: Scalar, from w: [Scalar], oracle: inout CountingOracle<Problem>
  ) throws(Interruption) -> Scalar where Problem.Scalar == Scalar {
    LBFGS<Scalar>.point(w, along: direction, by: alpha, into: &trial)
    try evaluate(value: true, gradient: false, oracle: &oracle)
    return cachedValue
  }

  /// (ϕ(α), ϕ′(α)) = (f(w + αs), ∇f(w + αs)ᵀs) (LineSearches' ϕdϕ).
  @usableFromInline
  mutating func lineValueAndSlope<Problem: Objective>(
    at alpha: Scalar, from w: [Scalar], oracle: inout CountingOracle<Problem>
  ) throws(Interruption) -> (Scalar, Scalar) where Problem.Scalar == Scalar {
    LBFGS<Scalar>.point(w, along: direction, by: alpha, into: &trial)
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

extension ConjugateGradient: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "cg", summary: "nonlinear conjugate gradient (CG_DESCENT) with Hager–Zhang's line search, as Optim.jl's",
      citation: "Hager & Zhang (2005, 2006, 2013)",
      initialiserDefaults: { try Self() },
      settings: [
        .optionalReal(
          "maxGradientTolerance", \.maxGradientTolerance, symbol: "g_abstol", none: "optim", .nonNegative,
          "own test: max|gᵢ| at most this; Optim: 1e-8, off when the run sets a tolerance")
      ])
  }
}
