/// The loop every method that searches along a direction runs around a line search:
/// trial points w + α·p, each one value and gradient from the oracle within its budget,
/// until the search accepts a step, fails, meets a non-finite value or runs out of
/// evaluations. L-BFGS and BFGS run this one loop, each with its own search settings,
/// cap and acceptance.
extension MoreThuente {
  /// Searches from `w` along `direction` (φ(0) = `value`, φ′(0) = `slope` < 0), starting
  /// at `firstStep`. On success the accepted point is in `trial` and its gradient in
  /// `trialGradient`, and the result is (α, f). `acceptingWarnings`: whether MINPACK-2's
  /// warning (no further progress possible) accepts the last trial, as L-BFGS-B does;
  /// scipy's `line_search_wolfe1` (BFGS) counts it a failure.
  @inlinable
  public mutating func search<Problem: Objective>(
    from w: [Scalar], along direction: [Scalar], value: Scalar, slope: Scalar, firstStep: Scalar,
    maxEvaluations: Int, acceptingWarnings: Bool, trial: inout [Scalar], trialGradient: inout [Scalar],
    oracle: inout CountingOracle<Problem>
  ) -> (step: Scalar, value: Scalar)? where Problem.Scalar == Scalar {
    var outcome = start(value: value, slope: slope, step: firstStep)
    var evaluations = 0
    while outcome == .evaluate {
      guard evaluations < maxEvaluations, oracle.reserve(gradients: 1, values: 1) else { return nil }
      let alpha = step
      Vector.point(w, along: direction, by: alpha, into: &trial)
      let f = oracle.valueAndGradient(at: trial, into: &trialGradient)
      evaluations += 1
      guard f.isFinite else { return nil }
      outcome = next(value: f, slope: Vector.dot(trialGradient, direction))
      if outcome == .converged || (acceptingWarnings && outcome.acceptsStep) { return (alpha, f) }
    }
    return nil
  }
}
