/// A learning-rate schedule around any scalable update: the inner method's α becomes
/// α η_t at its t-th update (t = 0, 1, …),
///
///     w ← w − (α η_t) u(g)        η_t from ``WarmupCosine``
///
/// constant, linear warm-up, cosine decay, or warm-up then cosine. Around a method
/// with a decoupled weight decay (``DecoupledWeightDecay``) the decay follows the
/// schedule too, α η_t λ w, as in torch's and optax's `adamw` with a schedule.
/// optax's `chain(inner, scale_by_learning_rate(schedule))`.
///
/// Defaults: a constant step-size (W = 0, T = 0: η = 1), around gradient descent.
public struct Scheduled<Inner: ScalableUpdate>: OptimizerWrapper, ScalableUpdate {
  public typealias Scalar = Inner.Scalar

  @usableFromInline var _inner: Inner
  public var inner: Inner { _inner }
  /// η_t.
  public internal(set) var schedule: WarmupCosine
  /// t, the updates made so far.
  @usableFromInline var updates = 0

  public init(_ inner: Inner, schedule: WarmupCosine = try! WarmupCosine()) {
    (_inner, self.schedule) = (inner, schedule)
  }

  public init(_ inner: Inner, warmupSteps: Int = 0, decaySteps: Int = 0) throws(DescentError) {
    self.init(inner, schedule: try WarmupCosine(warmupSteps: warmupSteps, decaySteps: decaySteps))
  }

  public var learningRate: Scalar { inner.learningRate }
  public var gradientBuffer: [Scalar] {
    get { _inner.gradientBuffer }
    set { _inner.gradientBuffer = newValue }
  }

  /// α η_t: the learning rate of the next update, on its schedule.
  public var currentStepSize: Scalar? { inner.currentStepSize.map { $0 * schedule.multiplier(at: updates) } }
  public mutating func prepare(for rules: StoppingRules<Scalar>) { _inner.prepare(for: rules) }

  public func validate<Problem: Objective>(for objective: Problem) throws(DescentError)
  where Problem.Scalar == Scalar {
    try inner.validate(for: objective)
    try DescentError.requireCount(updates)
  }

  @inlinable
  public mutating func update(_ w: inout [Scalar], gradient: [Scalar]) {
    _inner.update(&w, gradient: gradient, scale: schedule.multiplier(at: updates))
    updates += 1
  }

  @inlinable
  public mutating func update(_ w: inout [Scalar], gradient: [Scalar], scale: Scalar) {
    _inner.update(&w, gradient: gradient, scale: scale * schedule.multiplier(at: updates))
    updates += 1
  }
}

extension Scheduled: CatalogedOptimizer, Cataloged where Inner: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    .wrapper(
      "schedule", summary: "a learning-rate schedule (warm-up, cosine) around a method",
      citation: "Loshchilov & Hutter (2017); Goyal et al. (2017)", inner: \._inner,
      own: WarmupCosine.settings(at: \.schedule), around: { inner throws(DescentError) in Self(inner) },
      validate: WarmupCosine.check(\.schedule))
  }
}
