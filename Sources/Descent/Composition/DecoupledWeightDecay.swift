/// Decoupled weight decay around any decayable update: each step also shrinks the
/// weights before it by α λ,
///
///     w ← w − α u(g) − α λ w
///
/// in the method's own loop. λ is multiplied by the learning rate, as torch's
/// `AdamW` and optax's `add_decayed_weights` before `scale_by_learning_rate` do, so
/// their `weight_decay` is λ here. Around a schedule's scale η the decay is α η λ w.
///
/// Loshchilov, I. and Hutter, F. (2019). Decoupled weight decay regularization.
/// ICLR. Algorithms 1 and 2.
///
/// Hyperparameters:
/// - `weightDecay` λ ≥ 0, multiplied by α. Default 0.01, torch's.
public struct DecoupledWeightDecay<Inner: DecayableUpdate>: OptimizerWrapper, ScalableUpdate {
  public typealias Scalar = Inner.Scalar

  @usableFromInline var _inner: Inner
  public var inner: Inner { _inner }
  public internal(set) var weightDecay: Scalar

  public init(_ inner: Inner, weightDecay: Scalar = 0.01) throws(DescentError) {
    (_inner, self.weightDecay) = (inner, weightDecay)
    try Self.checkDecay(weightDecay)
  }

  static func checkDecay(_ weightDecay: Scalar) throws(DescentError) {
    try DescentError.require(
      weightDecay >= 0 && weightDecay.isFinite, "weightDecay", weightDecay, "a finite number ≥ 0")
  }

  public var learningRate: Scalar { inner.learningRate }
  public var gradientBuffer: [Scalar] {
    get { _inner.gradientBuffer }
    set { _inner.gradientBuffer = newValue }
  }

  public mutating func prepare(for rules: StoppingRules<Scalar>) { _inner.prepare(for: rules) }

  public func validate<Problem: Objective>(for objective: Problem) throws(DescentError)
  where Problem.Scalar == Scalar {
    try Self.checkDecay(weightDecay)
    try inner.validate(for: objective)
  }

  @inlinable
  public mutating func update(_ w: inout [Scalar], gradient: [Scalar]) {
    update(&w, gradient: gradient, scale: 1)
  }

  /// α λ first, then η: the decay per step at η = 1, as a per-step decay is written.
  @inlinable
  public mutating func update(_ w: inout [Scalar], gradient: [Scalar], scale: Scalar) {
    let decay = scale * (inner.learningRate * weightDecay)
    _inner.update(&w, gradient: gradient, scale: scale, decay: decay)
  }
}

extension DecoupledWeightDecay: CatalogedOptimizer, Cataloged where Inner: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    .wrapper(
      "weight-decay", summary: "decoupled weight decay, α λ w, around a method",
      citation: "Loshchilov & Hutter (2019)", inner: \._inner,
      own: [
        .real(
          "weightDecay", \.weightDecay, symbol: "λ", default: 0.01, .nonNegative,
          "decay, multiplied by α (torch's, optax's)")
      ],
      around: { inner throws(DescentError) in try Self(inner) })
  }
}
