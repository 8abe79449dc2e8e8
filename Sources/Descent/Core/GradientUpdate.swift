/// A method whose step is one gradient followed by an element-wise update, so the
/// update can be applied to a gradient computed elsewhere (optax's `update`): for a
/// training loop that computes its own gradients.
public protocol GradientUpdate<Scalar>: Optimizer {
  /// Updates `w` with `gradient`, exactly as ``Optimizer/step(_:oracle:)`` does
  /// after evaluating it. Allocates the state on the first call only.
  mutating func update(_ w: inout [Scalar], gradient: [Scalar])
}
