/// RMSprop: gradient descent divided by a running root-mean-square of the gradient.
///
///     v_k = β v_{k−1} + (1 − β) g_k²,   v_0 = 0
///     w_k = w_{k−1} − α g_k / (√v_k + ε)
///
/// Hinton, G., Srivastava, N. and Swersky, K. (2012). Neural Networks for Machine
/// Learning, lecture 6e: rmsprop — divide the gradient by a running average of its
/// recent magnitude.
///
/// Hyperparameters:
/// - `learningRate` α > 0. Default 0.001.
/// - `decay` β in [0, 1). Default 0.9 (the lecture's).
/// - `epsilon` ε ≥ 0, added to the root for stability. Default 1e-8.
public struct RMSprop<Scalar: DescentFloat>: GradientUpdate {
  public internal(set) var learningRate: Scalar
  /// The step size a training trace shows: α, constant.
  public var currentStepSize: Scalar? { learningRate }
  public internal(set) var decay: Scalar
  public internal(set) var epsilon: Scalar
  /// v, the running mean of squared gradients.
  @usableFromInline var meanSquare: [Scalar] = []
  /// Scratch that `step` evaluates the gradient into.
  public var gradientBuffer: [Scalar] = []

  public init(learningRate: Scalar = 0.001, decay: Scalar = 0.9, epsilon: Scalar = 1e-8) throws(DescentError) {
    self.learningRate = learningRate
    self.decay = decay
    self.epsilon = epsilon
    try checkSettings()
  }

  public func validateState(dimension d: Int) throws(DescentError) {
    try DescentError.requireState(meanSquare, gradientBuffer, dimension: d)
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @inlinable
  public mutating func update(_ w: inout [Scalar], gradient: [Scalar]) {
    if meanSquare.count != w.count { meanSquare = [Scalar](repeating: 0, count: w.count) }
    let (alpha, beta, epsilon) = (learningRate, decay, epsilon)
    gradient.withUnsafeBufferPointer { g in
      withBuffers(&w, &meanSquare) { w, v in
        Parallel.forEachChunk(count: w.count) { range in
          let (w, v, g, alpha, beta, epsilon) = (w, v, g, alpha, beta, epsilon)
          for i in range {
            v[i] = beta * v[i] + (1 - beta) * (g[i] * g[i])
            w[i] -= alpha * g[i] / (Scalar.vectorizableSquareRoot(v[i]) + epsilon)
          }
        }
      }
    }
  }
}

extension RMSprop: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "rmsprop", summary: "gradient divided by the running RMS of past gradients",
      citation: "Hinton, Srivastava & Swersky (2012), lecture 6e", initialiserDefaults: { try Self() },
      settings: [
        .real("learningRate", \.learningRate, symbol: "α", default: 0.001, .positive, "step-size"),
        .real("decay", \.decay, symbol: "β", default: 0.9, .rate, "decay of the mean square"),
        .real("epsilon", \.epsilon, symbol: "ε", default: 1e-8, .nonNegative, "added to the root"),
      ])
  }
}
