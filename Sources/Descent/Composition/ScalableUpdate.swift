/// A gradient update whose learning rate a wrapper can scale at each step,
///
///     w ← w − (η α) u(g)
///
/// with η a schedule's multiplier (``Scheduled``); η = 1 is the method's own update.
/// The scale enters the method's own loop, so a composed method rounds exactly as the
/// method written whole (``Momentum`` is ``Scheduled`` around ``HeavyBall``).
public protocol ScalableUpdate<Scalar>: GradientUpdate {
  /// α, the learning rate a schedule multiplies.
  var learningRate: Scalar { get }

  /// The update with learning rate η α in place of α.
  mutating func update(_ w: inout [Scalar], gradient: [Scalar], scale: Scalar)
}

/// A scalable update that also takes a decoupled weight decay into its loop,
///
///     w ← w − (η α) u(g) − δ w        (w before the step)
///
/// with δ from ``DecoupledWeightDecay``; δ = 0 is the scaled update. A method whose
/// momentum would carry δ w into later steps (heavy ball's w − w_prev) is not one.
public protocol DecayableUpdate<Scalar>: ScalableUpdate {
  mutating func update(_ w: inout [Scalar], gradient: [Scalar], scale: Scalar, decay: Scalar)
}

extension DecayableUpdate {
  @inlinable
  public mutating func update(_ w: inout [Scalar], gradient: [Scalar], scale: Scalar) {
    update(&w, gradient: gradient, scale: scale, decay: 0)
  }
}
