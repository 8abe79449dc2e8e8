/// Safeguarded step-size planning: the paper's Csawg with every move tested, so that a
/// bad fit or a too-large γ costs one gradient instead of the run.
///
/// The gradient steps, the stored pairs, the planning schedule (every K iterations from
/// 2K on, P projections each followed by M corrections) and the bootstrapping are
/// Csawg's (``Csawg``). What changes:
///
///     fit      secant:   A g = D (GᵀG + λ tr(GᵀG)/K · I)⁻¹ Gᵀ g, D = [w_s − w_{s+K}],
///                        G = [g_s]: the least-squares map from the window's gradients
///                        to their K-step displacements, invariant to rotations
///              diagonal: α(i) = Σ g_s(i)(w_s(i) − w_{s+K}(i)) / Σ g_s(i)²   (the paper's)
///              scalar:   α    = Σ_i Σ_s g_s(i)(w_s(i) − w_{s+K}(i)) / Σ_i Σ_s g_s(i)²
///     jump     w ← w − ρ A ∇f(w)   (or w − ρ α ⊙ ∇f(w)), ρ the trust factor
///     test     the evaluation after every move (which the method needs anyway) accepts
///              it when f and ∇f are finite and f ≤ the largest of the last m + 1 values
///              seen, or of all of them (Grippo–Lampariello–Lucidi's non-monotone
///              reference; with all, the start's level set); otherwise w returns to
///              where the move started and
///                a jump:          the event ends, ρ ← βρ
///                a gradient step: γ ← γ/2, and planning restarts (its pairs used the old γ)
///     trust    ρ starts at 1 and doubles (up to 1) after each accepted jump
///
/// A jump that is not downhill to first order (gᵀA g ≤ 0, or gᵀ(α ⊙ g) ≤ 0) is skipped
/// without evaluating anything (in Algorithm 1's shape its reused gradient is still
/// charged, as Csawg charges it, before the direction is known). Every gradient is evaluated with its value (one of
/// each, counted), which the test reads; a rejected move costs the one gradient spent
/// at its landing point. With the diagonal fit and nothing rejected or skipped the
/// iterates are the paper's Csawg's, bit for bit (`SafeguardedCsawgTests`).
///
/// Builds on: Yao, H. (2022). Learning to Accelerate by the Methods of Step-size
/// Planning. arXiv:2204.01705 (the planner); Grippo, L., Lampariello, F. and Lucidi, S.
/// (1986). SIAM J. Numer. Anal. 23 (the non-monotone acceptance test); Fang, H. and
/// Saad, Y. (2009). Two classes of multisecant methods for nonlinear acceleration.
/// Numer. Linear Algebra Appl. 16 (the multi-secant fit). The research behind the
/// choices and defaults, measured on the whole suite, is `docs/planning.md`.
///
/// Hyperparameters:
/// - `learningRate` γ > 0: the gradient steps' size to start with. Default 0.001.
/// - `horizon` K ≥ 1. Default 5.
/// - `planningSteps` P ≥ 1, `corrections` M ≥ 0. Defaults 1 and 0 (Algorithm 1's shape).
/// - `fit`: `secant`, `diagonal` or `scalar`. Default `secant`.
/// - `memory` m ≥ 0, or nil (`all`): values the test looks back over. Default all, so the
///   planner never leaves {f ≤ f(w₀)}; m = 10 is better with P = 5, M = 10 on coupled
///   problems (docs/planning.md).
/// - `backoff` β in (0, 1]: ρ's factor after a rejected jump (1: keep the full jump).
///   Default 0.5.
/// - `regularization` λ ≥ 0 of the secant fit, relative to tr(GᵀG)/K, and at least 10ε of
///   the precision (1.2e-6 in Float, where 1e-8 would leave the fit singular). Default 1e-8.
public struct SafeguardedCsawg<Scalar: DescentFloat>: Optimizer {
  public enum Fit: String, Codable, Sendable, CaseIterable {
    /// One step-size per component, the paper's.
    case diagonal
    /// One step-size for all components.
    case scalar
    /// A low-rank map from the window's gradients to their displacements.
    case secant
  }

  public internal(set) var learningRate: Scalar
  public internal(set) var horizon: Int
  public internal(set) var planningSteps: Int
  public internal(set) var corrections: Int
  public internal(set) var fit: Fit
  public internal(set) var memory: Int?
  public internal(set) var backoff: Scalar
  public internal(set) var regularization: Scalar

  /// Csawg's state: iterations, the ring of the last K pairs, the diagonal sums, α.
  @usableFromInline var iteration = 0
  @usableFromInline var ringWeights: [Scalar] = []
  @usableFromInline var ringGradients: [Scalar] = []
  @usableFromInline var weightDifferenceSum: [Scalar] = []
  @usableFromInline var squaredGradientSum: [Scalar] = []
  @usableFromInline var alpha: [Scalar] = []
  /// The secant fit's window: D and G, K columns of d, column `slot` for pair s.
  @usableFromInline var displacements: [Scalar] = []
  @usableFromInline var windowGradients: [Scalar] = []
  /// The secant fit's (GᵀG + λ tr/K I) for the event, K × K.
  @usableFromInline var secantSystem: [Scalar] = []
  /// Scratch for each projection's solve (K² and K); not state.
  @usableFromInline var secantScratch: [Scalar] = []
  @usableFromInline var coefficients: [Scalar] = []
  @usableFromInline var gradient: [Scalar] = []
  /// A move whose landing point the next evaluation tests; where the last jump and the
  /// last gradient step started; whether the jump started where an untested step landed
  /// (Algorithm 1 jumps right after its step), which is then tested in its turn.
  @usableFromInline enum Move: Int, Codable, Sendable { case none, jump, step }
  @usableFromInline var pending = Move.none
  @usableFromInline var moveStart: [Scalar] = []
  @usableFromInline var stepStart: [Scalar] = []
  @usableFromInline var jumpFollowsStep = false
  /// The gradient steps' size: γ, halved after each rejected gradient step.
  @usableFromInline var stepSize: Scalar = 0
  /// Whether `gradient` already holds ∇f(w) (after a rejection re-evaluated it).
  @usableFromInline var gradientIsCurrent = false
  /// The last m + 1 values seen at accepted points, newest last (with a memory), and
  /// the largest value seen (without: the start's, as no accepted value exceeds it).
  @usableFromInline var recentValues: [Scalar] = []
  @usableFromInline var largestValue: Scalar?
  /// ρ, and the jumps accepted and rejected.
  @usableFromInline var trust: Scalar = 1
  @usableFromInline var acceptedJumps = 0
  @usableFromInline var rejectedJumps = 0
  @usableFromInline var rejectedSteps = 0

  public init(
    learningRate: Scalar = 0.001, horizon: Int = 5, planningSteps: Int = 1, corrections: Int = 0,
    fit: Fit = .secant, memory: Int? = nil, backoff: Scalar = 0.5, regularization: Scalar = 1e-8
  ) throws(DescentError) {
    (self.learningRate, self.horizon, self.planningSteps, self.corrections) =
      (learningRate, horizon, planningSteps, corrections)
    (self.fit, self.memory, self.backoff, self.regularization) = (fit, memory, backoff, regularization)
    try checkHyperparameters()
  }

  /// Jumps accepted and rejected so far.
  public var jumps: (accepted: Int, rejected: Int) { (acceptedJumps, rejectedJumps) }
  /// Gradient steps rejected so far (each halved the step-size and restarted planning).
  public var stepRejections: Int { rejectedSteps }
  /// The gradient steps' current size: γ / 2^(rejected steps).
  public var currentLearningRate: Scalar { stepSize == 0 ? learningRate : stepSize }

  /// ρα once the first event has fitted it (diagonal and scalar fits).
  public var stepSizes: [Scalar]? {
    guard iteration / 2 >= horizon, fit != .secant else { return nil }
    return alpha.map { trust * $0 }
  }

  /// The ring (2K·d), and the secant window (2K·d) with its fit and the fit's scratch
  /// (2K² + K); six vectors of d; the values the test remembers.
  public func stateSize(dimension d: Int) -> Int? {
    let rings = fit == .secant ? 4 : 2
    return MemoryRequirement.sum(
      MemoryRequirement.sum(
        MemoryRequirement.product(rings, horizon).flatMap { MemoryRequirement.product($0, d) },
        MemoryRequirement.product(6, d)),
      MemoryRequirement.sum(
        MemoryRequirement.product(horizon, horizon).flatMap { MemoryRequirement.product(2, $0) }
          .flatMap { MemoryRequirement.sum($0, horizon) },
        MemoryRequirement.sum(memory ?? 0, 1)))
  }

  public func validate<Problem: Objective>(for objective: Problem) throws(DescentError)
  where Problem.Scalar == Scalar {
    try checkHyperparameters()
    let d = objective.dimension
    try DescentError.requireMemory(
      stateSize(dimension: d), of: Scalar.self, name: "horizon", value: horizon,
      what: "\(fit == .secant ? 4 : 2)K·d + 6d numbers at d = \(d)")
    try DescentError.requireState(
      weightDifferenceSum, squaredGradientSum, alpha, gradient, moveStart, stepStart, dimension: d)
    let ring = MemoryRequirement.product(horizon, d)
    let secantSizes =
      fit != .secant
      || (displacements.count == ring && windowGradients.count == ring
        && secantSystem.count == MemoryRequirement.product(horizon, horizon))
    if !ringWeights.isEmpty && (ringWeights.count != ring || ringGradients.count != ring || !secantSizes) {
      throw .dimensionMismatch(name: "optimizer state", expected: d, actual: ringWeights.count / horizon)
    }
    try DescentError.requireCount(iteration)
  }

  @inlinable
  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    let d = w.count
    if weightDifferenceSum.count != d { allocateState(dimension: d) }
    if gradientIsCurrent {
      gradientIsCurrent = false
    } else if evaluate(&w, oracle: &oracle) == .outOfBudget {
      return
    }
    iteration += 1
    let slot = (iteration - 1) % horizon
    let paired = iteration > horizon
    recordStep(&w, slot: slot, paired: paired)
    if paired && slot == horizon - 1 { plan(&w, oracle: &oracle) }
  }

  @usableFromInline
  enum Evaluation { case evaluated, rejected, outOfBudget }

  /// ∇f(w) and f(w) into `gradient` and the recent values. The evaluation after a move
  /// tests it; a rejected move puts w back where it started and evaluates there (a
  /// rejected jump shrinks ρ; a rejected gradient step halves the step-size and
  /// restarts planning, whose pairs were made with the old one).
  @inlinable
  mutating func evaluate<Problem: Objective>(_ w: inout [Scalar], oracle: inout CountingOracle<Problem>)
    -> Evaluation where Problem.Scalar == Scalar
  {
    guard oracle.reserve(gradients: 1, values: 1) else { return .outOfBudget }
    let move = pending
    pending = .none
    guard move != .none else {
      remember(oracle.valueAndGradient(at: w, into: &gradient))
      return .evaluated
    }
    if let value = oracle.trialValueAndGradient(at: w, into: &gradient), value <= reference {
      if move == .jump {
        acceptedJumps += 1
        trust = min(1, 2 * trust)
      }
      remember(value)
      return .evaluated
    }
    if move == .jump {
      rejectedJumps += 1
      trust *= backoff
      swap(&w, &moveStart)
      if jumpFollowsStep {
        pending = .step
        return evaluate(&w, oracle: &oracle) == .outOfBudget ? .outOfBudget : .rejected
      }
    } else {
      rejectedSteps += 1
      stepSize /= 2
      restartPlanning()
      swap(&w, &stepStart)
    }
    guard oracle.reserve(gradients: 1, values: 1) else { return .outOfBudget }
    remember(oracle.valueAndGradient(at: w, into: &gradient))
    return .rejected
  }

  /// What a landing point's value must not exceed: the largest of the last m + 1
  /// values, or of all values when there is no memory.
  @usableFromInline
  var reference: Scalar {
    (memory == nil ? largestValue : recentValues.max()) ?? .infinity
  }

  @usableFromInline
  mutating func remember(_ value: Scalar) {
    largestValue = max(largestValue ?? value, value)
    guard let memory else { return }
    recentValues.append(value)
    if recentValues.count > memory + 1 { recentValues.removeFirst() }
  }

  /// `w ← w − γ g`; the older pair in `slot` joins the fit (when paired), then the new
  /// pair takes its place.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @inlinable
  mutating func recordStep(_ w: inout [Scalar], slot: Int, paired: Bool) {
    let d = w.count
    let base = slot * d
    let gamma = stepSize
    let secant = fit == .secant
    pending = .step
    withBuffers(&w, &gradient, &ringWeights, &ringGradients) { w, g, ringWeights, ringGradients in
      let ringW = UnsafeMutableBufferPointer(rebasing: ringWeights[base..<(base + d)])
      let ringG = UnsafeMutableBufferPointer(rebasing: ringGradients[base..<(base + d)])
      withBuffers(&weightDifferenceSum, &squaredGradientSum, &displacements, &windowGradients) {
        sum1, sum2, displacements, windowGradients in
        stepStart.withUnsafeMutableBufferPointer { start in
          Parallel.forEachChunk(count: d) { range in
            let (w, g, ringW, ringG, sum1, sum2, gamma) = (w, g, ringW, ringG, sum1, sum2, gamma)
            let (displacements, windowGradients, start) = (displacements, windowGradients, start)
            for i in range {
              start[i] = w[i]
              let newWeight = w[i] - gamma * g[i]
              w[i] = newWeight
              if paired {
                let older = ringG[i]
                let moved = ringW[i] - newWeight
                sum1[i] += older * moved
                sum2[i] += older * older
                if secant {
                  displacements[base + i] = moved
                  windowGradients[base + i] = older
                }
              }
              ringW[i] = newWeight
              ringG[i] = g[i]
            }
          }
        }
      }
    }
  }

  /// Fits, then up to P tested projections, each followed by M corrections.
  @inlinable
  mutating func plan<Problem: Objective>(_ w: inout [Scalar], oracle: inout CountingOracle<Problem>)
  where Problem.Scalar == Scalar {
    fitStepSizes()
    for p in 0..<planningSteps {
      if p == 0 && planningSteps == 1 && corrections == 0 {
        // Algorithm 1: the projection reuses g_k, charged as one evaluation.
        guard oracle.reserve(gradients: 1) else { return }
        oracle.chargeReusedGradient()
      } else {
        let outcome = evaluate(&w, oracle: &oracle)
        guard outcome == .evaluated else {
          gradientIsCurrent = outcome == .rejected
          return
        }
      }
      guard jump(&w) else { return }
      for _ in 0..<corrections {
        let outcome = evaluate(&w, oracle: &oracle)
        guard outcome == .evaluated else {
          gradientIsCurrent = outcome == .rejected
          return
        }
        Vector.copy(w, into: &stepStart)
        Vector.subtractScaled(stepSize, gradient, from: &w)
        pending = .step
      }
    }
  }

  /// α (diagonal or scalar) or the secant system, and the sums cleared.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @usableFromInline
  mutating func fitStepSizes() {
    let d = alpha.count
    switch fit {
    case .diagonal:
      for i in 0..<d { alpha[i] = squaredGradientSum[i] == 0 ? 0 : weightDifferenceSum[i] / squaredGradientSum[i] }
    case .scalar:
      var numerator: Scalar = 0
      var denominator: Scalar = 0
      for i in 0..<d {
        numerator += weightDifferenceSum[i]
        denominator += squaredGradientSum[i]
      }
      let common = denominator == 0 ? 0 : numerator / denominator
      for i in 0..<d { alpha[i] = common }
    case .secant:
      let k = horizon
      var trace: Scalar = 0
      for a in 0..<k {
        for b in a..<k {
          var total: Scalar = 0
          for i in 0..<d { total += windowGradients[a * d + i] * windowGradients[b * d + i] }
          secantSystem[a * k + b] = total
          secantSystem[b * k + a] = total
        }
        trace += secantSystem[a * k + a]
      }
      // A term below the arithmetic's resolution regularises nothing: at least 10ε.
      let lambda = max(regularization, 10 * Scalar.ulpOfOne)
      for a in 0..<k { secantSystem[a * k + a] += lambda * trace / Scalar(k) }
    }
    for i in 0..<d {
      weightDifferenceSum[i] = 0
      squaredGradientSum[i] = 0
    }
  }

  /// w ← w − ρ α ⊙ g (or w − ρ A g), remembering where it started; false when the
  /// jump is not downhill to first order and was skipped.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @usableFromInline
  mutating func jump(_ w: inout [Scalar]) -> Bool {
    let d = w.count
    Vector.copy(w, into: &moveStart)
    var slope: Scalar = 0
    switch fit {
    case .diagonal, .scalar:
      for i in 0..<d { slope += alpha[i] * gradient[i] * gradient[i] }
      guard slope > 0 else { return false }
      let rho = trust
      for i in 0..<d { w[i] -= rho * alpha[i] * gradient[i] }
    case .secant:
      let k = horizon
      // Scratch sized once (K² and K): the event's system is solved again per
      // projection, so it is copied rather than overwritten, and nothing is allocated.
      if secantScratch.count != k * k { secantScratch = [Scalar](repeating: 0, count: k * k) }
      if coefficients.count != k { coefficients = [Scalar](repeating: 0, count: k) }
      for a in 0..<k {
        var total: Scalar = 0
        for i in 0..<d { total += windowGradients[a * d + i] * gradient[i] }
        coefficients[a] = total
      }
      for index in 0..<(k * k) { secantScratch[index] = secantSystem[index] }
      SmallLinearSystem.solve(&secantScratch, &coefficients, size: k)
      for i in 0..<d {
        var step: Scalar = 0
        for a in 0..<k { step += displacements[a * d + i] * coefficients[a] }
        slope += gradient[i] * step
        moveStart[i] = step  // borrowed as scratch for the step until w moves
      }
      guard slope > 0 else {
        Vector.copy(w, into: &moveStart)
        return false
      }
      let rho = trust
      for i in 0..<d {
        let step = moveStart[i]
        moveStart[i] = w[i]
        w[i] -= rho * step
      }
    }
    jumpFollowsStep = pending == .step
    pending = .jump
    return true
  }

  /// Planning starts over: the next 2K gradient steps fill the window again.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @usableFromInline
  mutating func restartPlanning() {
    iteration = 0
    for i in weightDifferenceSum.indices {
      weightDifferenceSum[i] = 0
      squaredGradientSum[i] = 0
    }
  }

  @usableFromInline
  mutating func allocateState(dimension d: Int) {
    precondition(iteration == 0, "SafeguardedCsawg: the dimension changed in the middle of a run")
    ringWeights = [Scalar](repeating: 0, count: horizon * d)
    ringGradients = ringWeights
    weightDifferenceSum = [Scalar](repeating: 0, count: d)
    squaredGradientSum = weightDifferenceSum
    alpha = weightDifferenceSum
    moveStart = weightDifferenceSum
    stepStart = weightDifferenceSum
    gradient = weightDifferenceSum
    stepSize = learningRate
    if fit == .secant {
      displacements = ringWeights
      windowGradients = ringWeights
      secantSystem = [Scalar](repeating: 0, count: horizon * horizon)
    }
  }
}

extension SafeguardedCsawg: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "csawg-safeguarded",
      summary: "step-size planning whose every jump is tested (non-monotone) and undone when it fails",
      citation: "Yao (2022); Grippo, Lampariello & Lucidi (1986); Fang & Saad (2009)",
      initialiserDefaults: { try Self() },
      hyperparameters: [
        .real(
          "learningRate", \.learningRate, symbol: "γ", default: 0.001, .positive,
          "step-size of the inner gradient descent"),
        .integer("horizon", \.horizon, symbol: "K", default: 5, .atLeast(1), "steps between the compared weights"),
        .integer(
          "planningSteps", \.planningSteps, symbol: "P", default: 1, .atLeast(1), "projections per planning event"),
        .integer(
          "corrections", \.corrections, symbol: "M", default: 0, .atLeast(0), "gradient steps after each projection"),
        .choice("fit", \.fit, default: .secant, "secant (rotation invariant), diagonal (the paper's) or scalar"),
        .optionalInteger(
          "memory", \.memory, symbol: "m", none: "all", .atLeast(0),
          "values the acceptance test looks back over (all: never above f(w₀))"),
        .real("backoff", \.backoff, symbol: "β", default: 0.5, .fraction, "factor on the jump after a rejection"),
        .real(
          "regularization", \.regularization, symbol: "λ", default: 1e-8, .nonNegative,
          "Tikhonov term of the secant fit, relative to tr(GᵀG)/K"),
      ])
  }
}
