/// Lookahead: k steps of any inner optimizer, then the slow weights move part of
/// the way towards where the fast ones got, and the fast ones restart from there.
///
///     fast steps:  w ← inner step of w          (each outer iteration)
///     every k-th:  φ ← φ + α (w − φ),  w ← φ      (φ_0 = w_0)
///
/// The closest published relative of step-size planning: it too looks k steps
/// ahead and then jumps, but along the straight line to the fast weights, with a
/// fixed fraction α. The inner optimizer keeps its state across synchronisations.
///
/// Zhang, M. R., Lucas, J., Hinton, G. and Ba, J. (2019). Lookahead optimizer: k
/// steps forward, 1 step back. NeurIPS. Algorithm 1.
///
/// Hyperparameters (the paper's defaults):
/// - `syncPeriod` k ≥ 1. Default 5.
/// - `slowStepSize` α in (0, 1]. Default 0.5.
/// - `inner`: the fast optimizer, with its own hyperparameters.
public struct Lookahead<Inner: Optimizer>: OptimizerWrapper {
  public typealias Scalar = Inner.Scalar

  @usableFromInline var _inner: Inner
  /// The fast optimizer, with its current state.
  public var inner: Inner { _inner }
  public internal(set) var syncPeriod: Int
  public internal(set) var slowStepSize: Scalar
  /// φ, the slow weights.
  @usableFromInline var slow: [Scalar] = []
  @usableFromInline var stepsSinceSync = 0

  public init(_ inner: Inner, syncPeriod: Int = 5, slowStepSize: Scalar = 0.5) throws(DescentError) {
    self._inner = inner
    self.syncPeriod = syncPeriod
    self.slowStepSize = slowStepSize
    try checkOwnSettings()
  }

  func checkOwnSettings() throws(DescentError) {
    for setting in Self.ownSettings { try setting.check(self) }
  }

  public func validate<Problem: Objective>(for objective: Problem) throws(DescentError)
  where Problem.Scalar == Scalar {
    try checkOwnSettings()
    try inner.validate(for: objective)
    try DescentError.requireState(slow, dimension: objective.dimension)
    try DescentError.requireCount(stepsSinceSync, in: 0...(syncPeriod - 1))
  }

  public mutating func prepare(for rules: StoppingRules<Scalar>) { _inner.prepare(for: rules) }
  /// Its iterate: the slow weights after a synchronisation, the fast ones between.
  public func evaluationPoint(for w: [Scalar]) -> [Scalar] { w }

  /// The inner method's state and the slow weights.
  public func stateSize(dimension d: Int) -> Int? {
    MemoryRequirement.sum(inner.stateSize(dimension: d), d)
  }

  @inlinable
  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    if slow.count != w.count { slow = w }
    _inner.step(&w, oracle: &oracle)
    stepsSinceSync += 1
    guard stepsSinceSync == syncPeriod else { return }
    stepsSinceSync = 0
    synchroniseLookahead(fast: &w, slow: &slow, slowStepSize: slowStepSize)
  }
}

extension Lookahead {
  /// k and α, the settings Lookahead adds to its inner optimizer's.
  static var ownSettings: [Setting<Self>] {
    [
      .integer("syncPeriod", \.syncPeriod, symbol: "k", default: 5, .atLeast(1), "fast steps per slow step"),
      .real(
        "slowStepSize", \.slowStepSize, symbol: "α", default: 0.5, .fraction, "fraction of the way to the fast weights"),
    ]
  }
}

extension Lookahead: CatalogedOptimizer, Cataloged where Inner: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    .wrapper(
      "lookahead", summary: "k fast steps of an inner optimizer, then a slow step",
      citation: "Zhang, Lucas, Hinton & Ba (2019)", inner: \._inner, own: ownSettings,
      around: { inner throws(DescentError) in try Self(inner) })
  }
}

/// φ ← φ + α(w − φ), w ← φ: a function of the scalar type alone, so that it is
/// specialised whatever the inner optimizer.
@_specialize(where S == Float) @_specialize(where S == Double)
@inlinable
func synchroniseLookahead<S: DescentFloat>(fast: inout [S], slow: inout [S], slowStepSize alpha: S) {
  withBuffers(&fast, &slow) { fast, slow in
    Parallel.forEachChunk(count: fast.count) { range in
      let (fast, slow, alpha) = (fast, slow, alpha)
      for i in range {
        slow[i] += alpha * (fast[i] - slow[i])
        fast[i] = slow[i]
      }
    }
  }
}
