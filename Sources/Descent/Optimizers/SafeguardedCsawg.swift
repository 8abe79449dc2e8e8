/// Safeguarded step-size planning: the paper's Csawg with every move tested, so that a
/// bad fit or a too-large γ costs one gradient instead of the run.
///
/// The gradient steps, the stored pairs, the planning schedule (every K iterations from
/// 2K on, P projections each followed by M corrections) and the bootstrapping are
/// Csawg's (``Csawg``), from the same planning window (`PlanningWindow`); the fits are
/// `DiagonalFit` (diagonal, scalar) and `SecantFit`, the test `NonmonotoneTest`, the
/// steps' sizes ``PairStepRule``, the minibatch regime `MinibatchRegime`, the run's state
/// apart from the settings `PlannerState`, each in its own file under `Planning/`; each move's test and undo are `SafeguardedCsawg+Evaluation.swift`,
/// the planning events `SafeguardedCsawg+Planning.swift`, its checkpoint and catalog entry
/// `SafeguardedCsawg+Checkpoint.swift`. What changes:
///
///     fit      secant:   A g = D (GᵀG + λ tr(GᵀG)/K · I)⁻¹ Gᵀ g, D = [w_s − w_{s+K}],
///                        G = [g_s]: the least-squares map from the window's gradients
///                        to their K-step displacements, invariant to rotations
///              diagonal: α(i) = Σ g_s(i)(w_s(i) − w_{s+K}(i)) / Σ g_s(i)²   (the paper's)
///              scalar:   α    = Σ_i Σ_s g_s(i)(w_s(i) − w_{s+K}(i)) / Σ_i Σ_s g_s(i)²
///     jump     w ← w − ρ A ∇f(w)   (or w − ρ α ⊙ ∇f(w)), ρ the trust factor
///     steps    w ← w − λ ∇f(w), λ = γ as set, or without a γ (the default) from the pair
///              s = w_k − w_{k−1}, y = ∇f(w_k) − ∇f(w_{k−1}) of the last two accepted
///              points: BB1 λ = sᵀs/sᵀy (or BB2 sᵀy/yᵀy, or AdGD's ‖s‖/(2‖y‖) with
///              growth √(1 + θ)); where sᵀy ≤ 0, ‖s‖/‖y‖ (kept where y = 0); the first
///              step has length 10⁻⁵
///     test     the evaluation after every move accepts it when f and ∇f are finite and
///              f ≤ the largest of the last m + 1 values seen, or of all of them
///              (Grippo–Lampariello–Lucidi's non-monotone reference; with all, the
///              start's level set). f is evaluated first, ∇f only on acceptance; a
///              rejected move puts w back where it started, whose gradient is kept, and
///                a jump:          the event ends, ρ ← βρ
///                a gradient step: λ ← λ/2, and planning restarts (its pairs used the old λ)
///     trust    ρ starts at 1 and doubles (up to 1) after each accepted jump
///
/// On minibatches (an objective whose ``Objective/isStochastic``: each gradient on a new
/// batch B, a value alone on the last gradient's batch) values compare only on one
/// batch, and pairs from two batches measure the batches' difference more than the
/// curvature (docs/planning.md, round 6). There:
///
///     test     f_B(w⁺) ≤ f_B(w) − c ∇f_B(w)ᵀ(w − w⁺) on the batch B of the start's
///              gradient (Armijo's test as Vaswani et al.'s stochastic line search
///              makes it); an accepted point's gradient is taken with its value on the
///              next batch, which the next move is tested on
///     steps    the first has length 10⁻⁵; λ ← 2λ after each accepted gradient step
///              until the first is rejected, then λ ← rλ; λ ← β_s λ after a rejected
///              one (planning continues); with a γ, λ ≤ γ (and no doubling)
///     point    x̄ ← (1 − c_t) x̄ + c_t w at each accepted point, c_t = (η + 1)/(t + η)
///              (Shamir and Zhang's polynomial-decay average), the point to evaluate
///              the trained model at: ``evaluationPoint(for:)``
///
/// A jump that is not downhill to first order (gᵀA g ≤ 0, or gᵀ(α ⊙ g) ≤ 0) is skipped
/// without evaluating anything (in Algorithm 1's shape its reused gradient is still
/// charged, as Csawg charges it, before the direction is known). An accepted move costs a
/// value and a gradient, a rejected one a value. Without a γ every step-size is a ratio
/// of what the pairs measure, so f and c·f give the same steps (bit for bit where c is a
/// power of two). With a γ, the diagonal fit and nothing rejected or skipped the
/// iterates are the paper's Csawg's, bit for bit (`SafeguardedCsawgTests`).
///
/// Builds on: Yao, H. (2022). Learning to Accelerate by the Methods of Step-size
/// Planning. arXiv:2204.01705 (the planner); Grippo, L., Lampariello, F. and Lucidi, S.
/// (1986). SIAM J. Numer. Anal. 23 (the non-monotone acceptance test); Fang, H. and
/// Saad, Y. (2009). Two classes of multisecant methods for nonlinear acceleration.
/// Numer. Linear Algebra Appl. 16 (the multi-secant fit); Vaswani, S. et al. (2019).
/// Painless stochastic gradient: interpolation, line-search, and convergence rates.
/// NeurIPS (the same-batch Armijo test, c = 0.1); Shamir, O. and Zhang, T. (2013).
/// Stochastic gradient descent for non-smooth optimization. ICML (the average, η = 3). The research behind the
/// choices and defaults, measured on the whole suite, is `docs/planning.md`.
///
/// Hyperparameters:
/// - `learningRate` γ > 0: the gradient steps' size to start with, or nil for steps sized
///   from the pairs. Default nil.
/// - `stepRule`: without a γ, `bb1`, `bb2` or `adgd`. Default `bb1` (docs/planning.md, round 4).
/// - `horizon` K ≥ 1. Default 5.
/// - `planningSteps` P ≥ 1, `corrections` M ≥ 0. Defaults 1 and 0 (Algorithm 1's shape).
/// - `projectionGradient`: as Csawg's; by default reused in Algorithm 1's shape (P = 1,
///   M = 0), fresh otherwise.
/// - `fit`: `secant`, `diagonal` or `scalar`. Default `secant`.
/// - `memory` m ≥ 0, `all` or `auto`: values the test looks back over. Default auto: 10
///   without a γ (BB steps are non-monotone by design, as in Raydan's GBB), all with one,
///   so that a fixed γ never leaves {f ≤ f(w₀)}; m = 10 is better with P = 5, M = 10 on
///   coupled problems (docs/planning.md).
/// - `backoff` β in (0, 1]: ρ's factor after a rejected jump (1: keep the full jump).
///   Default 0.5.
/// - `regularization` λ ≥ 0 of the secant fit, relative to tr(GᵀG)/K, and at least 10ε of
///   the precision (1.2e-6 in Float, where 1e-8 would leave the fit singular). Default 1e-8.
/// - On minibatches: `sufficientDecrease` c in [0, 1), default 0.1 (Vaswani et al.'s);
///   `growth` r ≥ 1, default 2^(1/10) (after the first cut the step may double in ten
///   accepted steps; before it, it doubles at each);
///   `shrink` β_s in (0, 1), default 0.8 (one batch's verdict cuts the step by a
///   fifth; with r, about one try in five is cut); `averaging` η ≥ 0, default 3
///   (Shamir and Zhang's; 0 is the uniform average). All four are ratios: f and c·f
///   give the same run.
public struct SafeguardedCsawg<Scalar: DescentFloat>: Optimizer {
  public enum Fit: String, Codable, Sendable, CaseIterable {
    /// One step-size per component, the paper's.
    case diagonal
    /// One step-size for all components.
    case scalar
    /// A low-rank map from the window's gradients to their displacements.
    case secant
  }

  /// γ, or nil for steps sized from the pairs the planner has measured.
  public internal(set) var learningRate: Scalar?
  /// How steps are sized without a γ (research).
  public typealias StepRule = PairStepRule
  public internal(set) var stepRule: StepRule
  public internal(set) var horizon: Int
  public internal(set) var planningSteps: Int
  public internal(set) var corrections: Int
  /// The gradient asked for, or nil for the paper's reading.
  var projectionGradientChoice: ProjectionGradient?
  public internal(set) var fit: Fit
  /// The values the acceptance test looks back over.
  public enum Memory: Equatable, Codable, Sendable {
    /// 10 where the steps are sized from the pairs (BB steps are non-monotone by
    /// design: Raydan's window), all with a γ (a fixed step is monotone where it is
    /// stable, and the test keeps the planner in the start's level set).
    case automatic
    /// Every value: the planner never rises above f(w₀).
    case all
    /// The last m + 1 values (Grippo–Lampariello–Lucidi's m).
    case last(Int)
  }
  public internal(set) var memory: Memory
  public internal(set) var backoff: Scalar
  public internal(set) var regularization: Scalar
  /// On minibatches: Armijo's c, the steps' growth r and cut β_s, the average's η, and
  /// the average itself.
  @usableFromInline var minibatch: MinibatchRegime<Scalar>
  public internal(set) var sufficientDecrease: Scalar {
    get { minibatch.sufficientDecrease }
    set { minibatch.sufficientDecrease = newValue }
  }
  public internal(set) var growth: Scalar {
    get { minibatch.growth }
    set { minibatch.growth = newValue }
  }
  public internal(set) var shrink: Scalar {
    get { minibatch.shrink }
    set { minibatch.shrink = newValue }
  }
  public internal(set) var averaging: Scalar {
    get { minibatch.averaging }
    set { minibatch.averaging = newValue }
  }

  /// The gradient the first projection of an event uses: as chosen, or the paper's
  /// (reused for Algorithm 1's shape, P = 1 and M = 0; fresh otherwise).
  public var projectionGradient: ProjectionGradient {
    projectionGradientChoice ?? .paper(planningSteps: planningSteps, corrections: corrections)
  }

  /// The gradient steps, their pairs and the sums (kept pairs for the secant fit).
  @usableFromInline var window: PlanningWindow<Scalar>
  /// The secant fit's system, rebuilt at each event (scratch, not checkpointed).
  @usableFromInline var secant = SecantFit<Scalar>()
  /// A move whose landing point the next evaluation tests (``PlannerState/pending``).
  @usableFromInline enum Move: Int, Codable, Sendable { case none, jump, step }
  /// The run so far, apart from the settings: what a checkpoint carries beside them.
  @usableFromInline var state: PlannerState<Scalar>

  public init(
    learningRate: Scalar? = nil, stepRule: StepRule = .bb1, horizon: Int = 5, planningSteps: Int = 1,
    corrections: Int = 0,
    projectionGradient: ProjectionGradient? = nil, fit: Fit = .secant, memory: Memory = .automatic,
    backoff: Scalar = 0.5,
    regularization: Scalar = 1e-8, sufficientDecrease: Scalar = 0.1, growth: Scalar = 1.0717735,
    shrink: Scalar = 0.8, averaging: Scalar = 3
  ) throws(DescentError) {
    minibatch = MinibatchRegime(
      sufficientDecrease: sufficientDecrease, growth: growth, shrink: shrink, averaging: averaging)
    (self.learningRate, self.horizon, self.planningSteps, self.corrections) =
      (learningRate, horizon, planningSteps, corrections)
    self.stepRule = stepRule
    (self.projectionGradientChoice, self.fit, self.memory) = (projectionGradient, fit, memory)
    (self.backoff, self.regularization) = (backoff, regularization)
    window = PlanningWindow(horizon: horizon, keepsPairs: fit == .secant)
    state = PlannerState(memory: nil)
    try checkSettings()
    state = PlannerState(memory: valuesRemembered)
  }

  /// m as the test applies it, or nil for every value.
  public var valuesRemembered: Int? {
    switch memory {
    case .automatic: learningRate == nil ? 10 : nil
    case .all: nil
    case .last(let m): m
    }
  }

  /// Jumps accepted and rejected so far.
  public var jumps: (accepted: Int, rejected: Int) { (state.acceptedJumps, state.rejectedJumps) }
  /// Gradient steps rejected so far (each halved the step-size and restarted planning).
  public var stepRejections: Int { state.rejectedSteps }
  /// The gradient steps' current size: γ / 2^(rejected steps).
  public var currentLearningRate: Scalar? { state.stepSize == 0 ? learningRate : state.stepSize }

  /// The gradient steps' size (``currentLearningRate``), not the planned α.
  public var currentStepSize: Scalar? { currentLearningRate }

  /// ρα once the first event has fitted it (diagonal and scalar fits).
  public var stepSizes: [Scalar]? {
    guard window.hasPlanned, fit != .secant else { return nil }
    return state.alpha.map { state.trust * $0 }
  }

  /// The window (2K·d + 2d, and 2K·d more for the secant fit's pairs) with the secant
  /// fit's system (2K² + K); α, the gradient, the two starts and the last pair (6d); the
  /// average on minibatches (d, counted whether or not the objective is one); the values
  /// the test remembers.
  public func stateSize(dimension d: Int) -> Int? {
    MemoryRequirement.sum(
      MemoryRequirement.sum(
        PlanningWindow<Scalar>.size(horizon: horizon, dimension: d, keepsPairs: fit == .secant),
        MemoryRequirement.product(7, d)),
      MemoryRequirement.sum(
        SecantFit<Scalar>.size(horizon: horizon), NonmonotoneTest<Scalar>.size(memory: valuesRemembered)))
  }

  public func validateState(dimension d: Int) throws(DescentError) {
    try DescentError.requireMemory(
      stateSize(dimension: d), of: Scalar.self, name: "horizon", value: horizon,
      what: "\(fit == .secant ? 4 : 2)K·d + 9d numbers at d = \(d)")
    try DescentError.requireState(
      state.alpha, state.gradient, state.moveStart, state.stepStart, state.lastPoint, state.lastGradient,
      minibatch.average, dimension: d)
    try window.validate(dimension: d, horizon: horizon)
  }

  @inlinable
  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    if window.dimension != w.count {
      state.onMinibatches = oracle.isStochastic
      allocateState(dimension: w.count)
    }
    if state.gradientIsCurrent {
      state.gradientIsCurrent = false
    } else if evaluate(&w, oracle: &oracle) == .outOfBudget {
      return
    }
    state.pending = .step
    if window.step(&w, along: state.gradient, by: state.stepSize, savingStartIn: &state.stepStart) {
      plan(&w, oracle: &oracle)
    }
  }

  @usableFromInline
  mutating func allocateState(dimension d: Int) {
    precondition(window.steps == 0, "SafeguardedCsawg: the dimension changed in the middle of a run")
    window = PlanningWindow(horizon: horizon, keepsPairs: fit == .secant)
    window.allocate(dimension: d)
    state.alpha = [Scalar](repeating: 0, count: d)
    (state.moveStart, state.stepStart, state.gradient, state.lastPoint, state.lastGradient) = (
      state.alpha, state.alpha, state.alpha, state.alpha, state.alpha
    )
    state.acceptance = NonmonotoneTest(memory: valuesRemembered)
    state.stepSize = learningRate ?? 0
    minibatch.average = state.onMinibatches ? state.alpha : []
    minibatch.averagedPoints = 0
  }
}
