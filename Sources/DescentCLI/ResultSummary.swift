import Descent

/// The lines `descent run` prints after the table.
enum ResultSummary {
  static func render<S: DescentFloat>(_ result: MinimizationResult<S>) -> String {
    var lines = [
      "result: \(result.termination)",
      "  iterations            \(result.iterations)",
      "  gradient evaluations  \(result.gradientEvaluations)",
      "  value evaluations     \(result.valueEvaluations)",
      "  f                     \(Format.number(result.value))",
    ]
    if let error = result.error { lines.append("  ‖w − w*‖              \(Format.number(error))") }
    if result.minimizer.count <= 8 {
      lines.append("  w                     (\(result.minimizer.map { "\($0)" }.joined(separator: ", ")))")
    }
    return lines.joined(separator: "\n")
  }
}
