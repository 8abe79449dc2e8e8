/// AdamW: Adam with weight decay decoupled from the gradient.
///
///     m_t, v_t, m̂_t, v̂_t as in Adam
///     w_t = w_{t−1} − η_t α (m̂_t / (√v̂_t + ε) + λ w_{t−1})
///
/// with the schedule multiplier η_t = 1, or a linear warm-up and cosine decay
/// (``WarmupCosine``, as the paper's experiments decay it). It is built from parts:
/// ``Scheduled`` around ``DecoupledWeightDecay`` around ``Adam``, as optax's `adamw` is
/// `chain(scale_by_adam, add_decayed_weights, scale_by_learning_rate)`. The decay λ is scaled by
/// the learning rate, as torch's `AdamW` and optax's `adamw` scale it, so their
/// `weight_decay` is λ here; Loshchilov & Hutter's Algorithm 2 writes the decay per
/// step, η_t λ_LH w, which is λ_LH = α λ.
///
/// Loshchilov, I. and Hutter, F. (2019). Decoupled weight decay regularization.
/// ICLR. Algorithm 2.
///
/// Hyperparameters:
/// - `learningRate` α > 0. Default 0.001.
/// - `beta1`, `beta2`, `epsilon`: as Adam (0.9, 0.999, 1e-8).
/// - `weightDecay` λ ≥ 0, multiplied by α. Default 0.01, torch's (the paper tunes it
///   per problem and gives no default).
/// - `warmupSteps` W ≥ 0 and `decaySteps` T (0, or > W): η_t's schedule. Default 0
///   and 0: none.
public struct AdamW<Scalar: DescentFloat>: GradientUpdate {
  /// The method: a schedule around a decoupled weight decay around Adam.
  public typealias Parts = Scheduled<DecoupledWeightDecay<Adam<Scalar>>>
  @usableFromInline var _parts: Parts
  public var parts: Parts { _parts }

  public init(
    learningRate: Scalar = 0.001, beta1: Scalar = 0.9, beta2: Scalar = 0.999, epsilon: Scalar = 1e-8,
    weightDecay: Scalar = 0.01, warmupSteps: Int = 0, decaySteps: Int = 0
  ) throws(DescentError) {
    let adam = try Adam(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon)
    _parts = try Scheduled(
      DecoupledWeightDecay(adam, weightDecay: weightDecay), warmupSteps: warmupSteps, decaySteps: decaySteps)
  }

  // The settings, where the parts keep them.
  public internal(set) var learningRate: Scalar {
    get { parts._inner._inner.learningRate }
    set { _parts._inner._inner.learningRate = newValue }
  }
  public internal(set) var beta1: Scalar {
    get { parts._inner._inner.beta1 }
    set { _parts._inner._inner.beta1 = newValue }
  }
  public internal(set) var beta2: Scalar {
    get { parts._inner._inner.beta2 }
    set { _parts._inner._inner.beta2 = newValue }
  }
  public internal(set) var epsilon: Scalar {
    get { parts._inner._inner.epsilon }
    set { _parts._inner._inner.epsilon = newValue }
  }
  public internal(set) var weightDecay: Scalar {
    get { parts._inner.weightDecay }
    set { _parts._inner.weightDecay = newValue }
  }
  /// W and T, the warm-up and the end of the cosine decay.
  public var schedule: WarmupCosine { parts.schedule }

  public var gradientBuffer: [Scalar] {
    get { parts.gradientBuffer }
    set { _parts.gradientBuffer = newValue }
  }

  /// α η_t: the learning rate of the next update, on its schedule.
  public var currentStepSize: Scalar? { parts.currentStepSize }

  public func validateState(dimension d: Int) throws(DescentError) {
    try parts._inner._inner.validateState(dimension: d)
    try DescentError.requireCount(parts.updates)
  }

  @inlinable
  public mutating func update(_ w: inout [Scalar], gradient: [Scalar]) {
    _parts.update(&w, gradient: gradient)
  }
}

extension AdamW: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "adamw", summary: "Adam with decoupled weight decay", citation: "Loshchilov & Hutter (2019)",
      initialiserDefaults: { try Self() },
      settings: [.real("learningRate", \.learningRate, symbol: "α", default: 0.001, .positive, "step-size")]
        + AdamMoments.settings(beta1: \.beta1, beta2: \.beta2, epsilon: \.epsilon) + [
          .real(
            "weightDecay", \.weightDecay, symbol: "λ", default: 0.01, .nonNegative,
            "decay, multiplied by α (torch's, optax's)")
        ] + WarmupCosine.settings(at: \._parts.schedule),
      validate: WarmupCosine.check(\._parts.schedule))
  }
}
