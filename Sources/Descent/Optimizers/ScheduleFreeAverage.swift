import RealModule

/// What schedule-free SGD and AdamW share (Defazio et al., 2024): the base method's
/// steps move z, the average x of the z's (weighted by the largest step-size so far to
/// the power r) is where a model is evaluated, and the gradient is taken at their
/// interpolation y, which is the iterate Descent holds:
///
///     z_{t+1} = z_t − γ_t d_t,   c_t = γ̄_t^r / Σ_{s≤t} γ̄_s^r  (γ̄_t = max_{s≤t} γ_s)
///     x_{t+1} = (1 − c_t) x_t + c_t z_{t+1},   y_{t+1} = β₁ x_{t+1} + (1 − β₁) z_{t+1},
///
/// x recovered from y and z as (y − (1 − β₁) z)/β₁, as optax.contrib's `schedule_free`
/// does (so β₁ > 0). γ_t = γ·min(t/T, 1) with a linear warm-up of T steps (none when T = 0),
/// t = 1, 2, … for the step and its weight alike, as the authors' code has it (optax's base
/// optimizer reads its schedule one step behind, so its first warm-up step leaves z where
/// it is).
@usableFromInline
struct ScheduleFreeAverage<Scalar: DescentFloat>: Codable, Sendable {
  /// z.
  @usableFromInline var z: [Scalar] = []
  /// t, the steps taken.
  @usableFromInline var count = 0
  /// Σ γ̄_s^r.
  @usableFromInline var weightSum: Scalar = 0
  /// γ̄, the largest step-size so far.
  @usableFromInline var largestLearningRate: Scalar = 0

  @inlinable init() {}

  func validate(dimension: Int, scratch: [Scalar]) throws(DescentError) {
    try DescentError.requireState(z, scratch, dimension: dimension)
    try DescentError.requireCount(count)
    guard weightSum >= 0, weightSum.isFinite, largestLearningRate >= 0, largestLearningRate.isFinite else {
      throw .invalidValue(
        name: "optimizer state", value: "a negative or non-finite weight", expected: "finite sums ≥ 0")
    }
  }

  /// γ_t of the coming step.
  @inlinable
  func learningRate(peak: Scalar, warmupSteps: Int) -> Scalar {
    guard warmupSteps > 0, count + 1 < warmupSteps else { return peak }
    return peak * Scalar(count + 1) / Scalar(warmupSteps)
  }

  /// One step: z ← z − γ d with d = direction(i) + λ yᵢ (the decay read at y before it
  /// moves), then x and y as above.
  @inlinable
  mutating func step(
    _ y: inout [Scalar], learningRate: Scalar, beta1: Scalar, weightPower: Scalar, weightDecay: Scalar,
    direction: (Int) -> Scalar
  ) {
    if z.count != y.count { z = y }
    count += 1
    largestLearningRate = max(largestLearningRate, learningRate)
    let weight = Scalar.pow(largestLearningRate, weightPower)
    weightSum += weight
    let c = weightSum > 0 ? weight / weightSum : 0
    for i in 0..<y.count {
      let next = z[i] + -learningRate * (direction(i) + weightDecay * y[i])
      let previous = (y[i] - (1 - beta1) * z[i]) / beta1
      let x = (1 - c) * previous + c * next
      y[i] = y[i] + ((beta1 * x + (1 - beta1) * next) - y[i])
      z[i] = next
    }
  }

  /// x for the iterate y: the point to evaluate a model at.
  @inlinable
  func evaluationPoint(for y: [Scalar], beta1: Scalar) -> [Scalar] {
    guard z.count == y.count else { return y }
    return (0..<y.count).map { (y[$0] - (1 - beta1) * z[$0]) / beta1 }
  }
}
