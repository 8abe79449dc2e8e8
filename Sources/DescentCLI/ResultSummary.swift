import Descent
import DescentProblems

/// The lines `descent run` prints after the table.
enum ResultSummary {
  static func render<S: DescentFloat>(_ result: MinimizationResult<S>) -> String {
    var lines = [
      "result: \(result.termination)" + (result.terminationReason.map { ": \($0)" } ?? ""),
      "  iterations            \(result.iterations)",
      "  gradient evaluations  \(result.gradientEvaluations)",
      "  value evaluations     \(result.valueEvaluations)",
      "  f                     \(Format.number(result.value))",
    ]
    if let error = result.error { lines.append("  ‖w − w*‖              \(Format.number(error))") }
    if result.minimizer.count <= 8 {
      lines.append("  w                     (\(result.minimizer.map { "\($0)" }.joined(separator: ", ")))")
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
}
