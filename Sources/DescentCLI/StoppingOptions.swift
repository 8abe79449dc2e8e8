import ArgumentParser
import Descent

/// The stopping rules as flags.
struct StoppingOptions: ParsableArguments {
  @Option(parsing: .unconditional, help: "Most outer iterations (default 10000 when no evaluation budget is given).")
  var maxIterations: Int?

  @Option(parsing: .unconditional, help: "Most evaluations: of ∇f, and of f for methods that use it.")
  var maxEvaluations: Int?

  @Option(parsing: .unconditional, help: "Stop once ‖w − w*‖ ≤ this (0: exactly w*).")
  var errorTolerance: Double?

  @Option(parsing: .unconditional, help: "Stop once f − f* ≤ this.")
  var valueTolerance: Double?

  @Option(parsing: .unconditional, help: "Stop once ‖∇f‖ ≤ this.")
  var gradientTolerance: Double?

  func rules<S: DescentFloat>(_: S.Type) -> StoppingRules<S> {
    StoppingRules(
      maxIterations: maxIterations ?? (maxEvaluations == nil ? 10_000 : nil),
      maxGradientEvaluations: maxEvaluations,
      maxValueEvaluations: maxEvaluations,
      errorTolerance: errorTolerance.map { S($0) },
      valueTolerance: valueTolerance.map { S($0) },
      gradientTolerance: gradientTolerance.map { S($0) })
  }
}
