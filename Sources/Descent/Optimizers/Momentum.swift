/// Gradient descent with classical momentum, in the paper's averaging form.
///
///     Δ_k = p Δ_{k−1} − α ∇f(w_k),   w_{k+1} = w_k + Δ_k,   Δ_0 = 0
///
/// (Yao 2022, equations 5–6: Δ is an exponentially smoothed sum of past negative
/// gradients.)
///
/// Rumelhart, D. E., Hinton, G. E. and Williams, R. J. (1986). Learning
/// representations by back-propagating errors. Nature, 323, 533–536.
///
/// Hyperparameters:
/// - `learningRate` α > 0. Default 0.001.
/// - `momentum` p in [0, 1). Default 0.9.
public struct Momentum<Scalar: DescentFloat>: GradientUpdate {
  public let learningRate: Scalar
  public let momentum: Scalar
  /// Δ, the last weight change.
  @usableFromInline var change: [Scalar] = []
  /// Scratch that `step` evaluates the gradient into.
  public var gradientBuffer: [Scalar] = []

  public init(learningRate: Scalar = 0.001, momentum: Scalar = 0.9) throws(DescentError) {
    self.learningRate = learningRate
    self.momentum = momentum
    try checkHyperparameters()
  }

  func checkHyperparameters() throws(DescentError) {
    try DescentError.requirePositive(learningRate, "learning-rate")
    try DescentError.requireRate(momentum, "momentum")
  }

  public func validate<Problem: Objective>(for objective: Problem) throws(DescentError)
  where Problem.Scalar == Scalar {
    try checkHyperparameters()
    try DescentError.requireState(change, gradientBuffer, dimension: objective.dimension)
  }

  @inlinable
  public mutating func update(_ w: inout [Scalar], gradient: [Scalar]) {
    if change.count != w.count { change = [Scalar](repeating: 0, count: w.count) }
    let (alpha, p) = (learningRate, momentum)
    gradient.withUnsafeBufferPointer { g in
      withBuffers(&w, &change) { w, change in
        Parallel.run(MomentumKernel(w: w, change: change, g: g, alpha: alpha, p: p), count: w.count)
      }
    }
  }
}

extension Momentum: CatalogedOptimizer {
  public static var method: MethodDescription {
    MethodDescription(
      name: "momentum", summary: "classical momentum, Δ = pΔ − α∇f, w += Δ (paper eq. 5–6)",
      citation: "Rumelhart, Hinton & Williams (1986)",
      parameters: [
        .learningRate("0.001"),
        ParameterDescription("momentum", symbol: "p", default: "0.9", allowed: "in [0, 1)", summary: "momentum rate"),
      ])
  }

  public init(settings: Settings) throws(DescentError) {
    try self.init(learningRate: settings.real("learning-rate"), momentum: settings.real("momentum"))
  }
}

/// Δ ← pΔ − αg, w ← w + Δ on a range.
@usableFromInline
struct MomentumKernel<S: DescentFloat>: ElementwiseKernel {
  @usableFromInline let w: UnsafeMutableBufferPointer<S>
  @usableFromInline let change: UnsafeMutableBufferPointer<S>
  @usableFromInline let g: UnsafeBufferPointer<S>
  @usableFromInline let alpha: S
  @usableFromInline let p: S

  @inlinable init(
    w: UnsafeMutableBufferPointer<S>, change: UnsafeMutableBufferPointer<S>, g: UnsafeBufferPointer<S>, alpha: S, p: S
  ) {
    (self.w, self.change, self.g, self.alpha, self.p) = (w, change, g, alpha, p)
  }

  @_specialize(where S == Float) @_specialize(where S == Double)
  @inlinable func callAsFunction(_ range: Range<Int>) {
    for i in range {
      change[i] = p * change[i] - alpha * g[i]
      w[i] += change[i]
    }
  }
}
