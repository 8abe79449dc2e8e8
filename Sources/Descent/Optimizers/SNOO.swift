/// SNOO, the step-K Nesterov outer optimizer: K steps of any inner optimizer on fast
/// weights, then the slow weights move by Nesterov momentum on the K-step displacement,
/// the pseudo-gradient, and the fast weights restart from them:
///
///     fast steps:  w̃ ← inner step of w̃           (each iteration; w̃ = w after a sync)
///     every K-th:  s = w − w̃,   b ← μ b + s,   w ← w − η (μ b + s),   w̃ ← w   (b₀ = 0)
///
/// With μ = 0 it is Lookahead with α = η, to the bit (`lookahead` and `snoo` at
/// outer-momentum 0 give the same iterates). The authors' `Snoo` wrapper steps
/// torch's SGD (`nesterov=True`) on the pseudo-gradient `p_old − p` every k steps, which
/// is this update; the inner optimizer keeps its state across synchronisations.
///
/// Kallusky, D., Rao, V., Nandavanam, V. and Shi, H.-J. M. (2025). SNOO: Step-K
/// Nesterov Outer Optimizer. arXiv 2510.15830.
///
/// Hyperparameters:
/// - `syncPeriod` K ≥ 1. Default 5 (Lookahead's).
/// - `outerLearningRate` η > 0. Default 0.5 (Lookahead's α).
/// - `outerMomentum` μ in [0, 1). Default 0.5. The paper's tuned values are not read
///   here; tune η and μ as for any method.
/// - `inner`: the fast optimizer, with its own hyperparameters.
public struct SNOO<Inner: Optimizer>: OptimizerWrapper {
  public typealias Scalar = Inner.Scalar

  @usableFromInline var _inner: Inner
  /// The fast optimizer, with its current state.
  public var inner: Inner { _inner }
  public internal(set) var syncPeriod: Int
  public internal(set) var outerLearningRate: Scalar
  public internal(set) var outerMomentum: Scalar
  /// w, the slow weights, and b, the outer momentum.
  @usableFromInline var slow: [Scalar] = []
  @usableFromInline var momentumBuffer: [Scalar] = []
  @usableFromInline var stepsSinceSync = 0

  public init(_ inner: Inner, syncPeriod: Int = 5, outerLearningRate: Scalar = 0.5, outerMomentum: Scalar = 0.5)
    throws(DescentError)
  {
    (self._inner, self.syncPeriod) = (inner, syncPeriod)
    (self.outerLearningRate, self.outerMomentum) = (outerLearningRate, outerMomentum)
    for setting in Self.ownSettings { try setting.check(self) }
  }

  public func validate<Problem: Objective>(for objective: Problem) throws(DescentError)
  where Problem.Scalar == Scalar {
    for setting in Self.ownSettings { try setting.check(self) }
    try inner.validate(for: objective)
    try DescentError.requireState(slow, momentumBuffer, dimension: objective.dimension)
    try DescentError.requireCount(stepsSinceSync, in: 0...(syncPeriod - 1))
  }

  public mutating func prepare(for rules: StoppingRules<Scalar>) { _inner.prepare(for: rules) }
  /// Its iterate: the slow weights after a synchronisation, the fast ones between.
  public func evaluationPoint(for w: [Scalar]) -> [Scalar] { w }

  /// The inner method's state, the slow weights and the outer momentum.
  public func stateSize(dimension d: Int) -> Int? {
    MemoryRequirement.sum(inner.stateSize(dimension: d), MemoryRequirement.product(2, d))
  }

  @inlinable
  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    if slow.count != w.count {
      slow = w
      momentumBuffer = [Scalar](repeating: 0, count: w.count)
    }
    _inner.step(&w, oracle: &oracle)
    stepsSinceSync += 1
    guard stepsSinceSync == syncPeriod else { return }
    stepsSinceSync = 0
    synchroniseSNOO(
      fast: &w, slow: &slow, momentum: &momentumBuffer, learningRate: outerLearningRate, mu: outerMomentum)
  }
}

extension SNOO {
  /// K, η and μ, the settings SNOO adds to its inner optimizer's.
  static var ownSettings: [Setting<Self>] {
    [
      .integer("syncPeriod", \.syncPeriod, symbol: "K", default: 5, .atLeast(1), "fast steps per outer step"),
      .real("outerLearningRate", \.outerLearningRate, symbol: "η", default: 0.5, .positive, "the outer step's size"),
      .real("outerMomentum", \.outerMomentum, symbol: "μ", default: 0.5, .rate, "Nesterov momentum of the outer step"),
    ]
  }
}

extension SNOO: CatalogedOptimizer, Cataloged where Inner: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    .wrapper(
      "snoo", summary: "K fast steps of an inner optimizer, then a Nesterov step on their displacement",
      citation: "Kallusky, Rao, Nandavanam & Shi (2025)", inner: \._inner, own: ownSettings,
      around: { inner throws(DescentError) in try Self(inner) })
  }
}

/// s = w − w̃, b ← μb + s, w ← w − η(μb + s), w̃ ← w: a function of the scalar type
/// alone, so that it is specialised whatever the inner optimizer.
@_specialize(where S == Float) @_specialize(where S == Double)
@inlinable
func synchroniseSNOO<S: DescentFloat>(
  fast: inout [S], slow: inout [S], momentum: inout [S], learningRate eta: S, mu: S
) {
  withBuffers(&fast, &slow, &momentum) { fast, slow, momentum in
    Parallel.forEachChunk(count: fast.count) { range in
      let (fast, slow, momentum, eta, mu) = (fast, slow, momentum, eta, mu)
      for i in range {
        let s = slow[i] - fast[i]
        momentum[i] = mu * momentum[i] + s
        slow[i] -= eta * (mu * momentum[i] + s)
        fast[i] = slow[i]
      }
    }
  }
}
