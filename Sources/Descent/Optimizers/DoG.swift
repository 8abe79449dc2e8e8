/// DoG, distance over gradients: a parameter-free step-size, the largest distance
/// travelled from the start over the root of the summed squared gradient norms.
///
///     r̄_t = max(r_ε, max_{k≤t} ‖x_k − x_0‖),   G_t = Σ_{k≤t} ‖g_k‖²
///     η_t = c · r̄_t / √(G_t + ε),              x_{t+1} = x_t − η_t g_t
///
/// with r_ε = α(1 + ‖x_0‖), the paper's suggested initial movement. ε is optax's guard
/// against G = 0 (the paper has none: 0 gives its form); c is a learning-rate factor,
/// 1 in the paper. One gradient evaluation a step.
///
/// Ivgi, M., Hinder, O. and Carmon, Y. (2023). DoG is SGD's best friend: a
/// parameter-free dynamic step size schedule. ICML. Algorithm 1; as optax.contrib.dog.
///
/// Hyperparameters:
/// - `learningRate` c > 0. Default 1.
/// - `initialDistance` α > 0: r_ε = α(1 + ‖x_0‖). Default 1e-6.
/// - `epsilon` ε ≥ 0. Default 1e-8.
public struct DoG<Scalar: DescentFloat>: GradientUpdate {
  public internal(set) var learningRate: Scalar
  public internal(set) var initialDistance: Scalar
  public internal(set) var epsilon: Scalar

  /// x_0; empty before the first update.
  @usableFromInline var origin: [Scalar] = []
  /// r̄ and G.
  @usableFromInline var largestDistance: Scalar = 0
  @usableFromInline var squaredGradientSum: Scalar = 0
  @usableFromInline var stepSize: Scalar = 0
  /// Scratch that `step` evaluates the gradient into.
  public var gradientBuffer: [Scalar] = []

  public init(learningRate: Scalar = 1, initialDistance: Scalar = 1e-6, epsilon: Scalar = 1e-8) throws(DescentError) {
    self.learningRate = learningRate
    self.initialDistance = initialDistance
    self.epsilon = epsilon
    try checkSettings()
  }

  public func validateState(dimension d: Int) throws(DescentError) {
    try DescentError.requireState(origin, gradientBuffer, dimension: d)
  }

  /// η_t, as a one-entry vector for the trace.
  public var stepSizes: [Scalar]? { origin.isEmpty ? nil : [stepSize] }

  @inlinable
  public mutating func update(_ w: inout [Scalar], gradient: [Scalar]) {
    if origin.count != w.count {
      origin = w
      largestDistance = initialDistance * (1 + Vector.norm(w))
    }
    largestDistance = max(largestDistance, Vector.distance(w, origin))
    squaredGradientSum += Vector.dot(gradient, gradient)
    stepSize = learningRate * largestDistance / (squaredGradientSum + epsilon).squareRoot()
    Vector.subtractScaled(stepSize, gradient, from: &w)
  }
}

extension DoG: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "dog", summary: "DoG: step = max distance from x₀ ÷ √(Σ‖g‖²), parameter-free",
      citation: "Ivgi, Hinder & Carmon (2023)", initialiserDefaults: { try Self() },
      settings: [
        .real("learningRate", \.learningRate, symbol: "c", default: 1, .positive, "factor on the step-size"),
        .real(
          "initialDistance", \.initialDistance, symbol: "α", default: 1e-6, .positive,
          "first movement r_ε = α(1 + ‖x₀‖)"),
        .real("epsilon", \.epsilon, symbol: "ε", default: 1e-8, .nonNegative, "added under the root"),
      ])
  }
}
