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
/// With a schedule (``WarmupCosine``, by composition: ``Scheduled`` around
/// ``HeavyBall``) α becomes α η_t at the t-th update:
/// Δ_k = p Δ_{k−1} − α η_k ∇f(w_k), optax's `chain(scale_by_learning_rate(schedule),
/// trace(p))` (torch's SGD scales its trace instead, which differs only while η moves).
///
/// Hyperparameters:
/// - `learningRate` α > 0. Default 0.001.
/// - `momentum` p in [0, 1). Default 0.9.
/// - `warmupSteps` W ≥ 0 and `decaySteps` T (0, or > W): η_t's schedule. Default 0
///   and 0: none.
public struct Momentum<Scalar: DescentFloat>: GradientUpdate {
  /// The method: a schedule around Polyak's heavy ball, the same iteration.
  public typealias Parts = Scheduled<HeavyBall<Scalar>>
  @usableFromInline var _parts: Parts
  public var parts: Parts { _parts }

  public init(learningRate: Scalar = 0.001, momentum: Scalar = 0.9, warmupSteps: Int = 0, decaySteps: Int = 0)
    throws(DescentError)
  {
    _parts = try Scheduled(
      HeavyBall(learningRate: learningRate, momentum: momentum), warmupSteps: warmupSteps, decaySteps: decaySteps)
  }

  // The settings, where the parts keep them.
  public internal(set) var learningRate: Scalar {
    get { parts._inner.learningRate }
    set { _parts._inner.learningRate = newValue }
  }
  public internal(set) var momentum: Scalar {
    get { parts._inner.momentum }
    set { _parts._inner.momentum = newValue }
  }
  /// W and T, the warm-up and the end of the cosine decay.
  public var schedule: WarmupCosine { parts.schedule }

  public var gradientBuffer: [Scalar] {
    get { parts.gradientBuffer }
    set { _parts.gradientBuffer = newValue }
  }

  public func validate<Problem: Objective>(for objective: Problem) throws(DescentError)
  where Problem.Scalar == Scalar {
    try parts.validate(for: objective)
  }

  /// α η_t: the learning rate of the next update, on its schedule.
  public var currentStepSize: Scalar? { parts.currentStepSize }

  @inlinable
  public mutating func update(_ w: inout [Scalar], gradient: [Scalar]) {
    _parts.update(&w, gradient: gradient)
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
      ] + WarmupCosine.settings(at: \._parts.schedule),
      validate: WarmupCosine.check(\._parts.schedule))
  }
}
