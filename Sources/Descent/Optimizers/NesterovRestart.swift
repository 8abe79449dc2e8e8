/// Nesterov's accelerated gradient with adaptive restart: the momentum is reset
/// whenever the iterates stop going downhill, which recovers the linear rate on
/// strongly convex problems without knowing their strong convexity.
///
///     x_{k+1} = y_k − t ∇f(y_k)
///     θ_{k+1} solves θ² = (1 − θ)θ_k² + qθ,   β_{k+1} = θ_k(1 − θ_k) / (θ_k² + θ_{k+1})
///     y_{k+1} = x_{k+1} + β_{k+1}(x_{k+1} − x_k)
///
/// from y_0 = x_0 and θ_0 = 1. A restart sets θ_{k+1} = 1 and y_{k+1} = x_{k+1}: with
/// the function scheme when f(x_{k+1}) > f(x_k) (one value evaluation a step, and one
/// at the start), with the gradient scheme when ∇f(y_k)ᵀ(x_{k+1} − x_k) > 0 (no extra
/// evaluation; the paper's choice for its numerical robustness). The iterate is x.
///
/// O'Donoghue, B. and Candès, E. (2015). Adaptive restart for accelerated gradient
/// schemes. Foundations of Computational Mathematics, 15, 715–732. Algorithm 1 and §3.2.
///
/// Hyperparameters:
/// - `learningRate` t > 0. Default 0.001 (as `nesterov`).
/// - `strongConvexity` q = μ/L in [0, 1]: 0 when unknown, as restarting is for. Default 0.
/// - `restart`: `gradient` or `function`. Default `gradient`.
public struct NesterovRestart<Scalar: DescentFloat>: Optimizer {
  public enum Restart: String, Codable, Sendable, CaseIterable {
    /// ∇f(y_k)ᵀ(x_{k+1} − x_k) > 0.
    case gradient
    /// f(x_{k+1}) > f(x_k).
    case function
  }

  public internal(set) var learningRate: Scalar
  public internal(set) var strongConvexity: Scalar
  public internal(set) var restart: Restart

  /// θ_k; 1 at the start and after a restart.
  @usableFromInline var theta: Scalar = 1
  /// f(x_k), for the function scheme; nil before the first step.
  @usableFromInline var previousValue: Scalar?
  @usableFromInline var restartCount = 0
  /// Restarts so far.
  public var restarts: Int { restartCount }
  @usableFromInline var started = false
  /// y_k.
  @usableFromInline var extrapolated: [Scalar] = []
  /// x_k, while x_{k+1} is made in w.
  @usableFromInline var previous: [Scalar] = []
  @usableFromInline var gradient: [Scalar] = []

  public init(learningRate: Scalar = 0.001, strongConvexity: Scalar = 0, restart: Restart = .gradient)
    throws(DescentError)
  {
    self.learningRate = learningRate
    self.strongConvexity = strongConvexity
    self.restart = restart
    try checkSettings()
  }

  public func validateState(dimension d: Int) throws(DescentError) {
    try DescentError.requireState(extrapolated, previous, gradient, dimension: d)
  }

  @inlinable
  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    let byValue = restart == .function
    if !started {
      guard oracle.reserve(gradients: 1, values: byValue ? 2 : 0) else { return }
      extrapolated = w
      previous = w
      gradient = [Scalar](repeating: 0, count: w.count)
      if byValue { previousValue = oracle.value(at: w) }
      started = true
    } else {
      guard oracle.reserve(gradients: 1, values: byValue ? 1 : 0) else { return }
    }
    // x_{k+1} = y_k − t∇f(y_k), into w; x_k stays in `previous`.
    oracle.gradient(at: extrapolated, into: &gradient)
    Vector.copy(extrapolated, into: &w)
    Vector.subtractScaled(learningRate, gradient, from: &w)
    let restarting: Bool
    if byValue {
      let value = oracle.value(at: w)
      restarting = value > (previousValue ?? .infinity)
      previousValue = value
    } else {
      restarting = Self.uphill(gradient, w, previous) > 0
    }
    if restarting {
      restartCount += 1
      theta = 1
      Vector.copy(w, into: &extrapolated)
    } else {
      let square = theta * theta
      let shifted = square - strongConvexity
      let next = (-shifted + (shifted * shifted + 4 * square).squareRoot()) / 2
      let beta = theta * (1 - theta) / (square + next)
      theta = next
      withBuffers(&w, &previous, &extrapolated) { x, previous, y in
        Parallel.forEachChunk(count: x.count) { range in
          let (x, previous, y, beta) = (x, previous, y, beta)
          for i in range { y[i] = x[i] + beta * (x[i] - previous[i]) }
        }
      }
    }
    Vector.copy(w, into: &previous)
  }

  /// ∇f(y_k)ᵀ(x_{k+1} − x_k).
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @usableFromInline
  static func uphill(_ g: [Scalar], _ x: [Scalar], _ previous: [Scalar]) -> Scalar {
    var total: Scalar = 0
    for i in g.indices { total += g[i] * (x[i] - previous[i]) }
    return total
  }
}

extension NesterovRestart: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "nesterov-restart", summary: "Nesterov's accelerated gradient, momentum reset when the iterates go uphill",
      citation: "O'Donoghue & Candès (2015)", initialiserDefaults: { try Self() },
      settings: [
        .real("learningRate", \.learningRate, symbol: "t", default: 0.001, .positive, "step-size"),
        .real(
          "strongConvexity", \.strongConvexity, symbol: "q", default: 0,
          Allowed(words: "in [0, 1]", expected: "a number in [0, 1]") { $0 >= 0 && $0 <= 1 }, "μ/L, 0 when unknown"),
        .choice("restart", \.restart, default: .gradient, "what triggers a restart"),
      ])
  }
}
