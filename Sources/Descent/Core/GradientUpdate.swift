/// A method whose step is one gradient followed by an element-wise update, so the
/// update can be applied to a gradient computed elsewhere (optax's `update`): for a
/// training loop that computes its own gradients.
public protocol GradientUpdate<Scalar>: Optimizer {
  /// Updates `w` with `gradient`, exactly as ``Optimizer/step(_:oracle:)`` does
  /// after evaluating it. Allocates the state on the first call only.
  mutating func update(_ w: inout [Scalar], gradient: [Scalar])

  /// Scratch that `step` evaluates the gradient into, reused from step to step.
  var gradientBuffer: [Scalar] { get set }
}

extension GradientUpdate {
  /// One gradient, into the reused buffer, then ``update(_:gradient:)``.
  @inlinable
  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    // Lend the buffer out rather than share it, so no step copies it.
    var gradient: [Scalar] = []
    swap(&gradient, &gradientBuffer)
    defer { swap(&gradient, &gradientBuffer) }
    guard oracle.reservedGradient(at: w, into: &gradient) else { return }
    update(&w, gradient: gradient)
  }
}
