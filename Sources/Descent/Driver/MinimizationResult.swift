/// What ``minimize(_:from:using:until:trace:callback:)`` returns.
public struct MinimizationResult<Scalar: DescentFloat>: Sendable {
  /// The final iterate; after a non-finite failure, the last finite one.
  public var minimizer: [Scalar]
  /// f at ``minimizer``.
  public var value: Scalar
  /// ‖minimizer − w*‖, when `w*` is known.
  public var error: Scalar?
  /// Completed outer iterations.
  public var iterations: Int
  /// Value evaluations the optimizer made.
  public var valueEvaluations: Int
  /// Gradient evaluations the optimizer made, as the oracle counts them.
  public var gradientEvaluations: Int
  public var termination: Termination
  /// One row per iteration, when asked for.
  public var trace: Trace<Scalar>?
}

/// What a callback tells the driver after each iteration.
public enum CallbackDecision: Sendable {
  case proceed
  case stop
}
