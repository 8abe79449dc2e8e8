/// One outer iteration as the driver observed it, after that iteration's planning.
///
/// Row 0 is the starting point. The paper numbers iterations from 0 for the first
/// completed step, so its "iteration 17" is `iteration == 18` here.
public struct TraceRow<Scalar: DescentFloat>: Sendable, Codable, Equatable {
  /// Completed outer iterations.
  public var iteration: Int
  /// Cumulative gradient evaluations, as the oracle counts them.
  public var gradientEvaluations: Int
  /// Cumulative value evaluations made by the optimizer.
  public var valueEvaluations: Int
  /// f(w).
  public var value: Scalar
  /// ‖w − w*‖, when `w*` is known.
  public var error: Scalar?
  /// ‖∇f(w)‖.
  public var gradientNorm: Scalar
  /// The optimizer's current step-sizes, where it has them (Csawg's α), for the
  /// leading components the run's ``TraceSettings`` asks for (8 by default).
  public var stepSizes: [Scalar]?
  /// The leading components of w the run's ``TraceSettings`` asks for, for
  /// update-trace plots.
  public var weights: [Scalar]

  @inlinable
  public init(
    iteration: Int, gradientEvaluations: Int, valueEvaluations: Int, value: Scalar, error: Scalar?,
    gradientNorm: Scalar, stepSizes: [Scalar]?, weights: [Scalar]
  ) {
    self.iteration = iteration
    self.gradientEvaluations = gradientEvaluations
    self.valueEvaluations = valueEvaluations
    self.value = value
    self.error = error
    self.gradientNorm = gradientNorm
    self.stepSizes = stepSizes
    self.weights = weights
  }
}

/// The rows of a run, one per outer iteration.
public struct Trace<Scalar: DescentFloat>: Sendable, Codable, Equatable {
  public var rows: [TraceRow<Scalar>] = []

  public init(rows: [TraceRow<Scalar>] = []) {
    self.rows = rows
  }

  /// The trace as CSV: a header, then one line per row. Numbers are written in
  /// Swift's shortest round-tripping form, so the file reads back bit for bit.
  public var csv: String {
    let alphaColumns = rows.lazy.compactMap { $0.stepSizes?.count }.max() ?? 0
    let weightColumns = rows.first?.weights.count ?? 0
    var header = ["iteration", "gradient_evaluations", "value_evaluations", "f", "error", "gradient_norm"]
    header += (0..<weightColumns).map { "w\($0 + 1)" }
    header += (0..<alphaColumns).map { "alpha\($0 + 1)" }
    var lines = [header.joined(separator: ",")]
    for row in rows {
      var fields = [
        String(row.iteration), String(row.gradientEvaluations), String(row.valueEvaluations),
        row.value.description, row.error?.description ?? "", row.gradientNorm.description,
      ]
      fields += row.weights.map(\.description)
      fields += (0..<alphaColumns).map { index in
        guard let alpha = row.stepSizes, index < alpha.count else { return "" }
        return alpha[index].description
      }
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
