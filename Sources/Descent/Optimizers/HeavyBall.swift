/// Polyak's heavy-ball method, in the paper's form (equation 10).
///
///     w_{k+1} = w_k − α ∇f(w_k) + p (w_k − w_{k−1}),   w_{−1} = w_0
///
/// On a strongly convex quadratic with curvatures in [μ, L], Polyak's optimal
/// constants are α = 4/(√L + √μ)² and p = ((√L − √μ)/(√L + √μ))²: see
/// ``stronglyConvex(lipschitz:strongConvexity:)``.
///
/// Polyak, B. T. (1964). Some methods of speeding up the convergence of iteration
/// methods. USSR Computational Mathematics and Mathematical Physics, 4(5), 1–17.
///
/// Hyperparameters:
/// - `learningRate` α > 0. Default 0.0015, the paper's Figure 9 setting.
/// - `momentum` p in [0, 1). Default 0.9, the paper's Figure 9 setting.
public struct HeavyBall<Scalar: DescentFloat>: ScalableUpdate {
  public internal(set) var learningRate: Scalar
  /// The step size a training trace shows: α, constant.
  public var currentStepSize: Scalar? { learningRate }
  public internal(set) var momentum: Scalar
  /// w_{k−1}.
  @usableFromInline var previous: [Scalar] = []
  /// Scratch that `step` evaluates the gradient into.
  public var gradientBuffer: [Scalar] = []

  public init(learningRate: Scalar = 0.0015, momentum: Scalar = 0.9) throws(DescentError) {
    self.learningRate = learningRate
    self.momentum = momentum
    try checkSettings()
  }

  /// Polyak's optimal constants for curvatures in [μ, L].
  public static func stronglyConvex(lipschitz: Scalar, strongConvexity: Scalar) throws(DescentError) -> Self {
    let (rootL, rootMu) = try DescentError.curvatureRoots(lipschitz: lipschitz, strongConvexity: strongConvexity)
    let ratio = (rootL - rootMu) / (rootL + rootMu)
    return try Self(learningRate: 4 / ((rootL + rootMu) * (rootL + rootMu)), momentum: ratio * ratio)
  }

  public func validateState(dimension d: Int) throws(DescentError) {
    try DescentError.requireState(previous, gradientBuffer, dimension: d)
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @inlinable
  public mutating func update(_ w: inout [Scalar], gradient: [Scalar]) {
    update(&w, gradient: gradient, learningRate: learningRate)
  }

  /// With learning rate η α (``Momentum``'s schedule, by composition).
  @inlinable
  public mutating func update(_ w: inout [Scalar], gradient: [Scalar], scale: Scalar) {
    update(&w, gradient: gradient, learningRate: scale * learningRate)
  }

  /// The update with step-size `alpha` in place of α.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @inlinable
  mutating func update(_ w: inout [Scalar], gradient: [Scalar], learningRate alpha: Scalar) {
    if previous.count != w.count { previous = w }
    let p = momentum
    gradient.withUnsafeBufferPointer { g in
      withBuffers(&w, &previous) { w, previous in
        Parallel.forEachChunk(count: w.count) { range in
          let (w, previous, g, alpha, p) = (w, previous, g, alpha, p)
          for i in range {
            let current = w[i]
            w[i] = current - alpha * g[i] + p * (current - previous[i])
            previous[i] = current
          }
        }
      }
    }
  }
}

extension HeavyBall: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "heavy-ball", summary: "Polyak's heavy ball, w − α∇f + p(w − w_prev) (paper eq. 10)",
      citation: "Polyak (1964)", initialiserDefaults: { try Self() },
      settings: [
        .real("learningRate", \.learningRate, symbol: "α", default: 0.0015, .positive, "step-size"),
        .real("momentum", \.momentum, symbol: "p", default: 0.9, .rate, "momentum rate"),
      ])
  }
}
