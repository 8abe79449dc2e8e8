/// What ``minimize(_:from:using:until:trace:callback:progress:)`` returns.
public struct MinimizationResult<Scalar: DescentFloat>: Sendable {
  /// The final iterate; after a non-finite failure, the last finite one. A run resumes
  /// from it.
  public var minimizer: [Scalar]
  /// Where to evaluate what the run trained: ``minimizer``, or the method's averaged
  /// point (``Optimizer/evaluationPoint(for:)``: schedule-free's x, the safeguarded
  /// planner's average on minibatches).
  public var evaluationPoint: [Scalar]
  /// f at ``minimizer`` (on minibatches, of the full objective).
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
  /// Which of the method's own tests ended the run, with its value
  /// (`.methodConverged`), when the method says.
  public var terminationReason: String?
  /// One row per iteration, when asked for.
  public var trace: Trace<Scalar>?
  /// The iterate with the lowest f among those the driver observed (row 0 included),
  /// when it observed rows. A method that ends worse than it got (Csawg's α once its
  /// squared-gradient sum is rounding noise) leaves its best here, beside the last.
  public var best: BestIterate<Scalar>?

  @inlinable
  public init(
    minimizer: [Scalar], value: Scalar, error: Scalar?, iterations: Int, valueEvaluations: Int,
    gradientEvaluations: Int, termination: Termination, terminationReason: String? = nil, trace: Trace<Scalar>?,
    best: BestIterate<Scalar>?, evaluationPoint: [Scalar]? = nil
  ) {
    self.terminationReason = terminationReason
    self.minimizer = minimizer
    self.evaluationPoint = evaluationPoint ?? minimizer
    self.value = value
    self.error = error
    self.iterations = iterations
    self.valueEvaluations = valueEvaluations
    self.gradientEvaluations = gradientEvaluations
    self.termination = termination
    self.trace = trace
    self.best = best
  }

  /// Whether the best observed iterate is better than the final one.
  public var endedWorseThanBest: Bool {
    guard let best else { return false }
    return best.iteration != iterations && best.value < value
  }
}

/// An iterate the driver observed, with f there.
public struct BestIterate<Scalar: DescentFloat>: Sendable {
  public var minimizer: [Scalar]
  public var value: Scalar
  /// ‖minimizer − w*‖, when `w*` is known.
  public var error: Scalar?
  /// The iteration after which it was observed (0: the start).
  public var iteration: Int

  @inlinable
  public init(minimizer: [Scalar], value: Scalar, error: Scalar?, iteration: Int) {
    self.minimizer = minimizer
    self.value = value
    self.error = error
    self.iteration = iteration
  }
}

/// What a callback tells the driver after each iteration.
public enum CallbackDecision: Sendable {
  case proceed
  case stop
}
