/// Adam: momentum plus RMSprop's normalisation, with bias correction.
///
///     m_t = β₁ m_{t−1} + (1 − β₁) g_t,      v_t = β₂ v_{t−1} + (1 − β₂) g_t²
///     m̂_t = m_t / (1 − β₁ᵗ),                v̂_t = v_t / (1 − β₂ᵗ)
///     w_t = w_{t−1} − α m̂_t / (√v̂_t + ε),   m_0 = v_0 = 0
///
/// Kingma, D. P. and Ba, J. (2015). Adam: A method for stochastic optimization.
/// ICLR. Algorithm 1.
///
/// Hyperparameters (the paper's defaults):
/// - `learningRate` α > 0. Default 0.001.
/// - `beta1` β₁ in [0, 1). Default 0.9.
/// - `beta2` β₂ in [0, 1). Default 0.999.
/// - `epsilon` ε ≥ 0. Default 1e-8.
public struct Adam<Scalar: DescentFloat>: DecayableUpdate {
  public internal(set) var learningRate: Scalar
  /// The step size a training trace shows: α, constant.
  public var currentStepSize: Scalar? { learningRate }
  public internal(set) var beta1: Scalar
  public internal(set) var beta2: Scalar
  public internal(set) var epsilon: Scalar
  @usableFromInline var moments = AdamMoments<Scalar>()
  /// Scratch that `step` evaluates the gradient into.
  public var gradientBuffer: [Scalar] = []

  public init(
    learningRate: Scalar = 0.001, beta1: Scalar = 0.9, beta2: Scalar = 0.999, epsilon: Scalar = 1e-8
  ) throws(DescentError) {
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    try checkSettings()
  }

  public func validateState(dimension d: Int) throws(DescentError) {
    try moments.validate(dimension: d, scratch: gradientBuffer)
  }

  @inlinable
  public mutating func update(_ w: inout [Scalar], gradient: [Scalar]) {
    moments.step(&w, gradient: gradient, learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon)
  }

  /// With learning rate η α and decay δ w (``AdamW``'s, by composition).
  @inlinable
  public mutating func update(_ w: inout [Scalar], gradient: [Scalar], scale: Scalar, decay: Scalar) {
    moments.step(
      &w, gradient: gradient, learningRate: scale * learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
      weightDecay: decay)
  }
}

extension Adam: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "adam", summary: "momentum plus RMS normalisation, bias-corrected", citation: "Kingma & Ba (2015)",
      initialiserDefaults: { try Self() },
      settings: [.real("learningRate", \.learningRate, symbol: "α", default: 0.001, .positive, "step-size")]
        + AdamMoments.settings(beta1: \.beta1, beta2: \.beta2, epsilon: \.epsilon))
  }
}
