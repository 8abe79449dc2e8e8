import Descent
import DescentProblems

/// The lines `descent run` prints after the table.
enum ResultSummary {
  /// `gradientNorm`: ‖∇f‖ at the last iterate, which tells a line search that stopped
  /// at a minimum from one that stopped short of it.
  /// `averaged`: f and ‖w − w*‖ at the method's evaluation point (schedule-free's x, the
  /// planner's average), where it is not the iterate.
  static func render<S: DescentFloat>(
    _ result: MinimizationResult<S>, gradientNorm: S? = nil, averaged: (value: S, error: S?)? = nil
  ) -> String {
    var lines = [
      "result: \(result.termination)" + (result.terminationReason.map { ": \($0)" } ?? "")
        + (result.termination == .lineSearchFailed
          ? gradientNorm.map { stall(at: $0, value: result.value) } ?? "" : ""),
      "  iterations            \(result.iterations)",
      "  gradient evaluations  \(result.gradientEvaluations)",
      "  value evaluations     \(result.valueEvaluations)",
      "  f                     \(Format.number(result.value))",
    ]
    if let error = result.error { lines.append("  ‖w − w*‖              \(Format.number(error))") }
    if result.minimizer.count <= 8 {
      lines.append("  w                     (\(result.minimizer.map { "\($0)" }.joined(separator: ", ")))")
    }
    // The point the method is meant to be used at, where it is not the iterate.
    if let averaged {
      lines.append("at the method's averaged point (the point to use):")
      lines.append("  f                     \(Format.number(averaged.value))")
      if let error = averaged.error { lines.append("  ‖w − w*‖              \(Format.number(error))") }
      if result.evaluationPoint.count <= 8 {
        lines.append("  w                     (\(result.evaluationPoint.map { "\($0)" }.joined(separator: ", ")))")
      }
    }
    // A method that ended worse than it got: the best iterate the run saw, beside the last.
    if let best = result.best, result.endedWorseThanBest {
      lines.append("best observed, at iteration \(best.iteration):")
      lines.append("  f                     \(Format.number(best.value))")
      if let error = best.error { lines.append("  ‖w − w*‖              \(Format.number(error))") }
      if best.minimizer.count <= 8 {
        lines.append("  w                     (\(best.minimizer.map { "\($0)" }.joined(separator: ", ")))")
      }
    }
    return lines.joined(separator: "\n")
  }

  /// Where no step lowers f: at a minimum to the arithmetic's precision when ‖∇f‖ is
  /// within √ε·max(1, |f|) (a gradient test's usual scale), short of one otherwise.
  static func stall<S: DescentFloat>(at gradientNorm: S, value: S) -> String {
    let scale = S.ulpOfOne.squareRoot() * max(1, abs(value))
    return gradientNorm <= scale
      ? " (‖∇f‖ = \(Format.number(gradientNorm)): a minimum, to the arithmetic's precision)"
      : " (‖∇f‖ = \(Format.number(gradientNorm)): short of a minimum; check the gradient, or a noisy f)"
  }
}
