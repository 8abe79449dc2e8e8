/// AdamW: Adam with weight decay decoupled from the gradient.
///
///     m_t, v_t, m̂_t, v̂_t as in Adam
///     w_t = w_{t−1} − η_t α (m̂_t / (√v̂_t + ε) + λ w_{t−1})
///
/// with the schedule multiplier η_t = 1, or a linear warm-up and cosine decay
/// (``WarmupCosine``, as the paper's experiments decay it). The decay λ is scaled by
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
  public internal(set) var learningRate: Scalar
  public internal(set) var beta1: Scalar
  public internal(set) var beta2: Scalar
  public internal(set) var epsilon: Scalar
  public internal(set) var weightDecay: Scalar
  /// η_t.
  public internal(set) var schedule: WarmupCosine
  public internal(set) var warmupSteps: Int {
    get { schedule.warmupSteps }
    set { schedule.warmupSteps = newValue }
  }
  public internal(set) var decaySteps: Int {
    get { schedule.decaySteps }
    set { schedule.decaySteps = newValue }
  }
  @usableFromInline var moments = AdamMoments<Scalar>()
  /// Scratch that `step` evaluates the gradient into.
  public var gradientBuffer: [Scalar] = []

  public init(
    learningRate: Scalar = 0.001, beta1: Scalar = 0.9, beta2: Scalar = 0.999, epsilon: Scalar = 1e-8,
    weightDecay: Scalar = 0.01, warmupSteps: Int = 0, decaySteps: Int = 0
  ) throws(DescentError) {
    schedule = try WarmupCosine(warmupSteps: warmupSteps, decaySteps: decaySteps)
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    self.weightDecay = weightDecay
    try checkSettings()
  }

  /// α η_t: the learning rate of the next update, on its schedule.
  public var currentStepSize: Scalar? { learningRate * schedule.multiplier(at: moments.count) }

  public func validateState(dimension d: Int) throws(DescentError) {
    try moments.validate(dimension: d, scratch: gradientBuffer)
  }

  @inlinable
  public mutating func update(_ w: inout [Scalar], gradient: [Scalar]) {
    let eta: Scalar = schedule.multiplier(at: moments.count)
    // α λ first: the decay per step at η = 1, as a per-step decay would be written.
    moments.step(
      &w, gradient: gradient, learningRate: eta * learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
      weightDecay: eta * (learningRate * weightDecay))
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
        ] + WarmupCosine.settings(warmupSteps: \.warmupSteps, decaySteps: \.decaySteps),
      validate: { method throws(DescentError) in
        _ = try WarmupCosine(warmupSteps: method.warmupSteps, decaySteps: method.decaySteps)
      })
  }
}
