import RealModule

/// IDBD for least mean squares, as Sutton gave it and the paper reviews it: an
/// online linear learner with one step-size per input.
///
/// For each example (x, y*):
///
///     δ = y* − wᵀx
///     β_i ← β_i + θ δ x_i h_i
///     α_i = e^{β_i}
///     w_i ← w_i + α_i δ x_i
///     h_i ← h_i · max(0, 1 − α_i x_i²) + α_i δ x_i
///
/// Sutton, R. S. (1992). Adapting bias by gradient descent: an incremental version
/// of delta-bar-delta. AAAI, 171–176. Yao (2022), §2.5.
///
/// Hyperparameters: `metaStepSize` θ ≥ 0 (default 0.01) and `initialStepSize`
/// α₀ > 0 (default 0.05); Descent's choices.
public struct IDBDLeastMeanSquares<Scalar: DescentFloat>: Codable, Sendable {
  public let metaStepSize: Scalar
  public let initialStepSize: Scalar
  /// w.
  public private(set) var weights: [Scalar]
  /// β = ln α.
  public private(set) var logStepSizes: [Scalar]
  /// h.
  public private(set) var trace: [Scalar]

  public init(dimension: Int, metaStepSize: Scalar = 0.01, initialStepSize: Scalar = 0.05) throws(DescentError) {
    try DescentError.require(dimension >= 1, "dimension", dimension, "an integer ≥ 1")
    try DescentError.requireMemory(
      MemoryRequirement.product(3, dimension), of: Scalar.self, name: "dimension", value: dimension,
      what: "w, β and h, 3 vectors of d numbers")
    try DescentError.requireNonNegative(metaStepSize, "meta-step-size")
    try DescentError.requirePositive(initialStepSize, "initial-step-size")
    self.metaStepSize = metaStepSize
    self.initialStepSize = initialStepSize
    weights = [Scalar](repeating: 0, count: dimension)
    logStepSizes = [Scalar](repeating: .log(initialStepSize), count: dimension)
    trace = [Scalar](repeating: 0, count: dimension)
  }

  /// α = e^β.
  public var stepSizes: [Scalar] { logStepSizes.map { .exp($0) } }

  /// wᵀx.
  public func predict(_ x: [Scalar]) -> Scalar {
    Vector.dot(weights, x)
  }

  /// Learns from one example; returns δ, the error before the update.
  /// - Throws: ``DescentError`` for an input of the wrong size or a non-finite value.
  @discardableResult
  public mutating func learn(input x: [Scalar], target: Scalar) throws(DescentError) -> Scalar {
    try DescentError.requireFiniteVector(x, named: "input", dimension: weights.count)
    try DescentError.require(target.isFinite, "target", target, "a finite number")
    let delta = target - predict(x)
    for i in weights.indices {
      let step = delta * x[i]
      logStepSizes[i] += metaStepSize * step * trace[i]
      let alpha = Scalar.exp(logStepSizes[i])
      weights[i] += alpha * step
      trace[i] = trace[i] * max(0, 1 - alpha * x[i] * x[i]) + alpha * step
    }
    return delta
  }
}
