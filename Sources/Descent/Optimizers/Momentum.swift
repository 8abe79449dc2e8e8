/// Gradient descent with classical momentum, in the paper's averaging form.
///
///     Δ_k = p Δ_{k−1} − α ∇f(w_k),   w_{k+1} = w_k + Δ_k,   Δ_0 = 0
///
/// (Yao 2022, equations 5–6: Δ is an exponentially smoothed sum of past negative
/// gradients.) With Δ_{k−1} = w_k − w_{k−1} this is Polyak's heavy ball,
/// w_{k+1} = w_k − α∇f(w_k) + p(w_k − w_{k−1}), the same iteration: Descent runs it
/// with ``HeavyBall``'s kernel, keeping w_{k−1} rather than Δ. The two names keep
/// their papers' defaults.
///
/// Rumelhart, D. E., Hinton, G. E. and Williams, R. J. (1986). Learning
/// representations by back-propagating errors. Nature, 323, 533–536.
///
/// With a schedule (``WarmupCosine``) α becomes α η_t at the t-th update:
/// Δ_k = p Δ_{k−1} − α η_k ∇f(w_k), optax's `chain(scale_by_learning_rate(schedule),
/// trace(p))` (torch's SGD scales its trace instead, which differs only while η moves).
///
/// Hyperparameters:
/// - `learningRate` α > 0. Default 0.001.
/// - `momentum` p in [0, 1). Default 0.9.
/// - `warmupSteps` W ≥ 0 and `decaySteps` T (0, or > W): η_t's schedule. Default 0
///   and 0: none.
public struct Momentum<Scalar: DescentFloat>: GradientUpdate {
  /// The iteration, as Polyak's heavy ball.
  @usableFromInline var heavyBall: HeavyBall<Scalar>

  public internal(set) var learningRate: Scalar {
    get { heavyBall.learningRate }
    set { heavyBall.learningRate = newValue }
  }
  public internal(set) var momentum: Scalar {
    get { heavyBall.momentum }
    set { heavyBall.momentum = newValue }
  }

  /// η_t, and the updates made so far (t).
  public internal(set) var schedule: WarmupCosine
  @usableFromInline var updates = 0
  public internal(set) var warmupSteps: Int {
    get { schedule.warmupSteps }
    set { schedule.warmupSteps = newValue }
  }
  public internal(set) var decaySteps: Int {
    get { schedule.decaySteps }
    set { schedule.decaySteps = newValue }
  }

  /// Scratch that `step` evaluates the gradient into.
  public var gradientBuffer: [Scalar] {
    get { heavyBall.gradientBuffer }
    set { heavyBall.gradientBuffer = newValue }
  }

  public init(learningRate: Scalar = 0.001, momentum: Scalar = 0.9, warmupSteps: Int = 0, decaySteps: Int = 0)
    throws(DescentError)
  {
    heavyBall = try HeavyBall(learningRate: learningRate, momentum: momentum)
    schedule = try WarmupCosine(warmupSteps: warmupSteps, decaySteps: decaySteps)
  }

  public func validate<Problem: Objective>(for objective: Problem) throws(DescentError)
  where Problem.Scalar == Scalar {
    try heavyBall.validate(for: objective)
    try DescentError.requireCount(updates)
  }

  /// α η_t: the learning rate of the next update, on its schedule.
  public var currentStepSize: Scalar? { learningRate * schedule.multiplier(at: updates) }

  @inlinable
  public mutating func update(_ w: inout [Scalar], gradient: [Scalar]) {
    let eta: Scalar = schedule.multiplier(at: updates)
    heavyBall.update(&w, gradient: gradient, learningRate: eta * learningRate)
    updates += 1
  }
}

extension Momentum: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "momentum", summary: "classical momentum, Δ = pΔ − α∇f, w += Δ (paper eq. 5–6)",
      citation: "Rumelhart, Hinton & Williams (1986)", initialiserDefaults: { try Self() },
      settings: [
        .real("learningRate", \.learningRate, symbol: "α", default: 0.001, .positive, "step-size"),
        .real("momentum", \.momentum, symbol: "p", default: 0.9, .rate, "momentum rate"),
      ] + WarmupCosine.settings(warmupSteps: \.warmupSteps, decaySteps: \.decaySteps),
      validate: { method throws(DescentError) in
        _ = try WarmupCosine(warmupSteps: method.warmupSteps, decaySteps: method.decaySteps)
      })
  }
}
