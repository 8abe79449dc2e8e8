/// Csawg: component step-size adaptation based on weight difference and squared
/// gradient — step-size planning.
///
/// Every iteration is a gradient-descent step that also records its experience:
///
///     g_k = ∇f(w_{k−1}),   w_k = w_{k−1} − γ g_k,   store (w_k, g_k).
///
/// Pairs K steps apart are compared. Every K iterations from iteration 2K on, the
/// diagonal step-size model is fitted to the last 2K pairs and used to jump ahead:
///
///     α(i) = Σ_s g_s(i) (w_s(i) − w_{s+K}(i)) / Σ_s g_s(i)²,  s over the older K pairs
///     α(i) = 0 where Σ_s g_s(i)² = 0        (no projection for that component yet)
///     repeat P times:                         (planning steps)
///       w ← w − α ⊙ ∇f(w)                     (projection)
///       repeat M times: w ← w − γ ∇f(w)       (corrections)
///
/// With P = 1 and M = 0 this is Algorithm 1, whose projection reuses `g_k` instead
/// of evaluating `∇f(w_k)`; otherwise it is Algorithm 2, where every projection and
/// correction evaluates a fresh gradient. A planning event costs P·(1 + M) gradient
/// evaluations; Algorithm 1's reused gradient is counted as one, as the paper's
/// figures count it (footnote 4). Step-sizes may be negative and are never clipped.
/// The stored weights are those of the gradient steps, from before any jump, so the
/// next differences `w_s − w_{s+K}` include the jump: the bootstrapping the method
/// relies on. These readings of the paper (docs/paper.md, "How the paper is read")
/// reproduce its counts exactly (458 and 465 evaluations to exact zero error on
/// Rosenbrock).
///
/// A budget (``CountingOracle/reserve(gradients:values:)``) can end a planning event
/// early: each projection and each correction first asks for its gradient, and the
/// event stops at the first the budget cannot pay for, leaving w where the last
/// completed one put it. α was already learned and the sums cleared, so a run resumed
/// with more budget goes on accumulating the next window, as after a full event.
///
/// Memory: the planning window (`PlanningWindow`: a ring of the last K pairs and the
/// two sums), α and the gradient buffer, 2K·d + 4d numbers, instead of the paper's two
/// buffers of K pairs each (4K·d). Each pair's contribution is added to the sums as its
/// partner K steps later arrives, in the paper's order, so the sums are bit-identical
/// to the two-buffer form.
///
/// Yao, H. (2022). Learning to Accelerate by the Methods of Step-size Planning.
/// arXiv:2204.01705. Algorithms 1 and 2.
///
/// Hyperparameters:
/// - `learningRate` γ > 0: the inner gradient-descent step-size. Default 0.001
///   (the paper's Rosenbrock runs).
/// - `horizon` K ≥ 1: how many steps apart the compared weights are. Default 2, the
///   paper's fastest.
/// - `planningSteps` P ≥ 1: projections per planning event. Default 1 (Algorithm 1).
/// - `corrections` M ≥ 0: gradient steps after each projection. Default 0 (Algorithm 1).
/// - `projectionGradient`: the gradient the first projection of an event uses;
///   by default `.reused` for Algorithm 1 and `.fresh` for Algorithm 2, as the paper
///   reads. Either can be chosen for either form.
public struct Csawg<Scalar: DescentFloat>: Optimizer {
  /// γ.
  public internal(set) var learningRate: Scalar
  /// K.
  public internal(set) var horizon: Int
  /// P.
  public internal(set) var planningSteps: Int
  /// M.
  public internal(set) var corrections: Int
  /// The gradient asked for, or nil for the paper's reading.
  var projectionGradientChoice: ProjectionGradient?

  /// The gradient the first projection of an event uses: as chosen, or the paper's
  /// (reused for Algorithm 1, P = 1 and M = 0; fresh for Algorithm 2).
  public var projectionGradient: ProjectionGradient {
    projectionGradientChoice ?? .paper(planningSteps: planningSteps, corrections: corrections)
  }

  /// The steps, their pairs and the sums (`PlanningWindow`): 2K·d + 2d numbers.
  @usableFromInline var window: PlanningWindow<Scalar>
  /// α from the last planning event.
  @usableFromInline var alpha: [Scalar] = []
  /// Scratch for the gradient being used; not state.
  @usableFromInline var gradient: [Scalar] = []

  public init(
    learningRate: Scalar = 0.001,
    horizon: Int = 2,
    planningSteps: Int = 1,
    corrections: Int = 0,
    projectionGradient: ProjectionGradient? = nil
  ) throws(DescentError) {
    self.learningRate = learningRate
    self.horizon = horizon
    self.planningSteps = planningSteps
    self.corrections = corrections
    self.projectionGradientChoice = projectionGradient
    self.window = PlanningWindow(horizon: horizon)
    try checkSettings()
  }

  /// α, once the first planning event (at iteration 2K) has learned it.
  public var stepSizes: [Scalar]? {
    window.hasPlanned ? alpha : nil
  }

  /// Gradient evaluations one planning event costs: P·(1 + M), or `Int.max` when
  /// that overflows (a budget then ends the event early).
  public var evaluationsPerPlanningEvent: Int {
    MemoryRequirement.sum(corrections, 1).flatMap { MemoryRequirement.product(planningSteps, $0) } ?? .max
  }

  /// Numbers of state on `d` parameters: the window (2K·d + 2d), α and the gradient
  /// (2d); nil when that overflows `Int`.
  public func stateSize(dimension d: Int) -> Int? {
    MemoryRequirement.sum(
      PlanningWindow<Scalar>.size(horizon: horizon, dimension: d, keepsPairs: false), MemoryRequirement.product(2, d))
  }

  /// Checks that the state fits in memory on d parameters, and that a resumed state
  /// was made on the same dimension.
  public func validateState(dimension d: Int) throws(DescentError) {
    try DescentError.requireMemory(
      stateSize(dimension: d), of: Scalar.self, name: "horizon", value: horizon,
      what: "2K·d + 4d numbers at d = \(d)")
    try DescentError.requireState(alpha, gradient, dimension: d)
    try window.validate(dimension: d, horizon: horizon)
  }

  @inlinable
  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    guard oracle.reservedGradient(at: w, into: &gradient) else { return }
    // Lend the gradient out rather than share it, so that planning can overwrite it
    // without a copy.
    var g: [Scalar] = []
    swap(&g, &gradient)
    let due = accumulateStep(&w, gradient: g)
    swap(&g, &gradient)
    if due { plan(&w, oracle: &oracle) }
  }

  /// ``accumulateStep(_:gradient:)``, for the benchmarks, which drive and measure
  /// the kernel on its own (`@_spi(Benchmarks) import Descent`); a run uses
  /// ``step(_:oracle:)``.
  @inlinable
  @discardableResult
  @_spi(Benchmarks)
  public mutating func accumulate(_ w: inout [Scalar], gradient: [Scalar]) -> Bool {
    accumulateStep(&w, gradient: gradient)
  }

  /// The element-wise part of an iteration: `w ← w − γ g`, recorded in the window.
  /// Returns whether a planning event is due, which ``step(_:oracle:)`` then runs
  /// (it needs fresh gradients). Like `step`, it expects ``validate(for:)`` to have
  /// passed for this dimension (as `minimize` checks): a state of another dimension
  /// is a programmer error, and traps.
  @inlinable
  mutating func accumulateStep(_ w: inout [Scalar], gradient: [Scalar]) -> Bool {
    if window.dimension != w.count { allocateState(dimension: w.count) }
    return window.step(&w, along: gradient, by: learningRate)
  }

  /// Fits α to the window, clears the sums and makes P projections, each followed
  /// by M corrections.
  @inlinable
  mutating func plan<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    window.fitDiagonal(into: &alpha)
    // Each projection and correction needs one gradient; an event the budget cannot
    // pay for in full ends after the last one it could, with w where that left it.
    for p in 0..<planningSteps {
      guard oracle.reserve(gradients: 1) else { return }
      if p == 0 && projectionGradient == .reused {
        oracle.chargeReusedGradient()  // `gradient` still holds g_k
      } else {
        oracle.gradient(at: w, into: &gradient)
      }
      project(&w)
      for _ in 0..<corrections {
        guard oracle.reserve(gradients: 1) else { return }
        oracle.gradient(at: w, into: &gradient)
        Vector.subtractScaled(learningRate, gradient, from: &w)
      }
    }
  }

  /// `w ← w − α ⊙ gradient`.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @inlinable
  mutating func project(_ w: inout [Scalar]) {
    withBuffers(&w, &alpha, &gradient) { w, alpha, g in
      Parallel.forEachChunk(count: w.count) { range in
        let (w, alpha, g) = (w, alpha, g)
        for i in range { w[i] -= alpha[i] * g[i] }
      }
    }
  }

  @usableFromInline
  mutating func allocateState(dimension d: Int) {
    precondition(window.steps == 0, "Csawg: the dimension changed in the middle of a run")
    window = PlanningWindow(horizon: horizon)
    window.allocate(dimension: d)
    alpha = [Scalar](repeating: 0, count: d)
  }

  // MARK: Codable: hyperparameters are validated, state is checked for consistency.

  private enum CodingKeys: String, CodingKey { case alpha }

  /// The window's fields and the schedule's settings sit beside α, as in a checkpoint
  /// of before the window had a type of its own.
  public init(from decoder: any Decoder) throws {
    let schedule = try PlanningScheduleCoding<Scalar>(from: decoder)
    guard let learningRate = schedule.learningRate else { throw Self.corrupted(decoder, "Csawg's γ is missing") }
    try self.init(
      learningRate: learningRate, horizon: schedule.horizon, planningSteps: schedule.planningSteps,
      corrections: schedule.corrections, projectionGradient: schedule.projectionGradient)
    window = try PlanningWindow(from: decoder)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    alpha = try c.decode([Scalar].self, forKey: .alpha)
    guard alpha.count == window.dimension else { throw Self.corrupted(decoder, "Csawg's α does not fit its window") }
  }

  public func encode(to encoder: any Encoder) throws {
    try encodeWindowAndSchedule(to: encoder)
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(alpha, forKey: .alpha)
  }
}

extension Csawg: CatalogedOptimizer, Planner {
  var scheduledLearningRate: Scalar? { learningRate }

  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "csawg", summary: "step-size planning (Algorithm 1; Algorithm 2 with P > 1 or M > 0)",
      citation: "Yao (2022), Learning to Accelerate by the Methods of Step-size Planning",
      initialiserDefaults: { try Self() },
      settings: Setting.planningSchedule(
        learningRate: .real(
          "learningRate", \.learningRate, symbol: "γ", default: 0.001, .positive,
          "step-size of the inner gradient descent"), horizon: \.horizon, defaultHorizon: 2,
        planningSteps: \.planningSteps,
        corrections: \.corrections, projectionGradient: \.projectionGradientChoice))
  }
}
