/// Gradient descent with a constant step-size.
///
///     w_k = w_{k−1} − γ ∇f(w_{k−1})
///
/// Cauchy, A. (1847). Méthode générale pour la résolution des systèmes
/// d'équations simultanées. Comptes rendus, 25, 536–538.
///
/// Hyperparameters:
/// - `learningRate` γ > 0: the step-size. Default 0.001, the best of the paper's grid
///   on Rosenbrock (Yao 2022, Figure 5).
public struct GradientDescent<Scalar: DescentFloat>: DecayableUpdate {
  /// γ.
  public internal(set) var learningRate: Scalar
  /// The step size a training trace shows: α, constant.
  public var currentStepSize: Scalar? { learningRate }

  /// Scratch that `step` evaluates the gradient into.
  public var gradientBuffer: [Scalar] = []

  public init(learningRate: Scalar = 0.001) throws(DescentError) {
    self.learningRate = learningRate
    try checkSettings()
  }

  @inlinable
  public mutating func update(_ w: inout [Scalar], gradient: [Scalar]) {
    Vector.subtractScaled(learningRate, gradient, from: &w)
  }

  /// With learning rate η α and decay δ w (SGDW, by composition).
  @inlinable
  public mutating func update(_ w: inout [Scalar], gradient: [Scalar], scale: Scalar, decay: Scalar) {
    Vector.subtractScaled(scale * learningRate, gradient, decaying: decay, from: &w)
  }

  private enum CodingKeys: String, CodingKey { case learningRate }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(learningRate: container.decode(Scalar.self, forKey: .learningRate))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(learningRate, forKey: .learningRate)
  }
}

extension GradientDescent: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "gd", summary: "gradient descent with a constant step-size", citation: "Cauchy (1847)",
      initialiserDefaults: { try Self() },
      settings: [.real("learningRate", \.learningRate, symbol: "γ", default: 0.001, .positive, "step-size")])
  }
}
