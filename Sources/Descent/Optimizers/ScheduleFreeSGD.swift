/// Schedule-free SGD (Defazio et al., 2024): gradient steps on z, their weighted average
/// x, and the gradient taken at the interpolation y of the two, with a warm-up and no
/// schedule:
///
///     d_t = ∇f(y_t) + λ y_t,   z_{t+1} = z_t − γ_t d_t
///     c_t = γ̄_t^r / Σ_{s≤t} γ̄_s^r,   x_{t+1} = (1 − c_t) x_t + c_t z_{t+1}
///     y_{t+1} = β₁ x_{t+1} + (1 − β₁) z_{t+1}
///
/// with γ̄_t the largest step-size so far and γ_t = γ·min(t/T, 1), t = 1, 2, … (the
/// authors' warm-up; optax's base step lags it by one),
/// set up as optax.contrib's `schedule_free_sgd`. Descent's iterate is y; evaluate a
/// trained model at ``evaluationPoint(for:)``, x.
///
/// Defazio, A., Yang, X., Mehta, H., Mishchenko, K., Khaled, A. and Cutkosky, A. (2024).
/// The road less scheduled. NeurIPS. optax 0.2.8 `contrib.schedule_free_sgd` for the
/// set-up (checked against it in `OptaxTrajectoryTests`).
///
/// Hyperparameters (optax's defaults):
/// - `learningRate` γ > 0. Default 1.
/// - `warmupSteps` T ≥ 0: linear warm-up from γ/T, none at 0. Default 0.
/// - `beta1` β₁ in (0, 1): the interpolation. Default 0.9.
/// - `weightDecay` λ ≥ 0. Default 0.
/// - `weightPower` r ≥ 0: the averaging weights' power of γ̄. Default 2.
public struct ScheduleFreeSGD<Scalar: DescentFloat>: GradientUpdate {
  public internal(set) var learningRate: Scalar
  public internal(set) var warmupSteps: Int
  public internal(set) var beta1: Scalar
  public internal(set) var weightDecay: Scalar
  public internal(set) var weightPower: Scalar
  @usableFromInline var average = ScheduleFreeAverage<Scalar>()
  /// Scratch that `step` evaluates the gradient into.
  public var gradientBuffer: [Scalar] = []

  public init(
    learningRate: Scalar = 1, warmupSteps: Int = 0, beta1: Scalar = 0.9, weightDecay: Scalar = 0,
    weightPower: Scalar = 2
  ) throws(DescentError) {
    (self.learningRate, self.warmupSteps, self.beta1) = (learningRate, warmupSteps, beta1)
    (self.weightDecay, self.weightPower) = (weightDecay, weightPower)
    try checkSettings()
  }

  public func validateState(dimension d: Int) throws(DescentError) {
    try average.validate(dimension: d, scratch: gradientBuffer)
  }

  /// x, the averaged point to evaluate a model at, for the iterate `w` (y).
  public func evaluationPoint(for w: [Scalar]) -> [Scalar] { average.evaluationPoint(for: w, beta1: beta1) }

  @inlinable
  public mutating func update(_ w: inout [Scalar], gradient g: [Scalar]) {
    let rate = average.learningRate(peak: learningRate, warmupSteps: warmupSteps)
    average.step(&w, learningRate: rate, beta1: beta1, weightPower: weightPower, weightDecay: weightDecay) { g[$0] }
  }
}

extension ScheduleFreeSGD: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "schedule-free-sgd", summary: "SGD without a schedule: interpolation and averaging in place of momentum",
      citation: "Defazio et al. (2024)", initialiserDefaults: { try Self() },
      settings: [
        .real("learningRate", \.learningRate, symbol: "γ", default: 1, .positive, "step-size after the warm-up"),
        .integer("warmupSteps", \.warmupSteps, symbol: "T", default: 0, .atLeast(0), "linear warm-up steps"),
        .real("beta1", \.beta1, symbol: "β₁", default: 0.9, .openUnit, "interpolation between x and z"),
        .real("weightDecay", \.weightDecay, symbol: "λ", default: 0, .nonNegative, "decay, multiplied by γ"),
        .real("weightPower", \.weightPower, symbol: "r", default: 2, .nonNegative, "averaging weight γ̄^r"),
      ])
  }
}
