import Foundation

/// A learning-rate schedule: linear warm-up, then cosine decay to zero; the multiplier
/// η_t of a step-size at the t-th update (t = 0, 1, …) over a run of T updates,
///
///     η_t = t / W                              for t < W
///     η_t = ½ (1 + cos(π (t − W)/(T − W)))    for W ≤ t ≤ T,   0 after T
///
/// optax's `warmup_cosine_decay_schedule(0, α, W, T, 0)` divided by α (its first
/// update has step-size 0). T = 0 is no decay: η = 1 after the warm-up, so W = T = 0 is
/// a constant step-size, W > 0 and T = 0 a linear warm-up alone (optax's
/// `linear_schedule(0, α, W)`), W = 0 and T > 0 a cosine decay alone.
///
/// Loshchilov, I. and Hutter, F. (2017). SGDR: stochastic gradient descent with warm
/// restarts. ICLR (the cosine); Goyal, P. et al. (2017). Accurate, large minibatch
/// SGD: training ImageNet in 1 hour. arXiv:1706.02677 (the linear warm-up).
public struct WarmupCosine: Codable, Sendable, Equatable {
  /// W ≥ 0.
  public var warmupSteps: Int
  /// T: 0 for no decay, else > W.
  public var decaySteps: Int

  public init(warmupSteps: Int = 0, decaySteps: Int = 0) throws(DescentError) {
    (self.warmupSteps, self.decaySteps) = (warmupSteps, decaySteps)
    try DescentError.require(warmupSteps >= 0, "warmup-steps", warmupSteps, "an integer ≥ 0")
    try DescentError.require(
      decaySteps == 0 || decaySteps > warmupSteps, "decay-steps", decaySteps,
      "0 (no decay) or more than the \(warmupSteps) warm-up steps")
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(
      warmupSteps: c.decode(Int.self, forKey: .warmupSteps), decaySteps: c.decode(Int.self, forKey: .decaySteps))
  }

  /// η_t; computed in Double, as optax computes it in its own precision.
  @inlinable
  public func multiplier<Scalar: DescentFloat>(at t: Int) -> Scalar {
    if t < warmupSteps { return Scalar(Double(t) / Double(warmupSteps)) }
    guard decaySteps > 0 else { return 1 }
    let progress = Double(min(t, decaySteps) - warmupSteps) / Double(decaySteps - warmupSteps)
    return Scalar(0.5 * (1 + cos(Double.pi * progress)))
  }
}

extension WarmupCosine {
  /// W and T, for a method that keeps its schedule at `path`.
  static func settings<Method>(at path: WritableKeyPath<Method, WarmupCosine>) -> [Setting<Method>] {
    [
      .integer(
        "warmupSteps", path.appending(path: \.warmupSteps), symbol: "W", default: 0, .atLeast(0),
        "linear warm-up updates"),
      .integer(
        "decaySteps", path.appending(path: \.decaySteps), symbol: "T", default: 0, .atLeast(0),
        "updates to the end of the cosine decay, the warm-up included (0: no decay)"),
    ]
  }

  /// A catalog entry's check of the schedule at `path` as a whole, once its settings are
  /// set one by one.
  static func check<Method>(_ path: KeyPath<Method, WarmupCosine>) -> (Method) throws(DescentError) -> Void {
    { method throws(DescentError) in
      let schedule = method[keyPath: path]
      _ = try WarmupCosine(warmupSteps: schedule.warmupSteps, decaySteps: schedule.decaySteps)
    }
  }
}
