import ArgumentParser
import Descent
import DescentProblems

/// The stopping rules as flags. Tolerances are read as typed, so a refused value is
/// echoed as it was written.
struct StoppingOptions: ParsableArguments {
  @Option(
    parsing: .unconditional, help: "Most outer iterations (default 10000 when no evaluation budget is given).",
    transform: IntegerArgument.atLeast(0))
  var maxIterations: Int?

  @Option(
    parsing: .unconditional,
    help: "Most evaluations: of ∇f, and of f for methods that use it (default \(Self.defaultEvaluations)).",
    transform: IntegerArgument.atLeast(0))
  var maxEvaluations: Int?

  @Option(parsing: .unconditional, help: "Stop once ‖w − w*‖ ≤ this (0: exactly w*).")
  var errorTolerance: String?

  @Option(parsing: .unconditional, help: "Stop once f − f* ≤ this.")
  var valueTolerance: String?

  @Option(parsing: .unconditional, help: "Stop once ‖∇f‖ ≤ this.")
  var gradientTolerance: String?

  /// The evaluation budget when none is given, so that no run is unbounded, even
  /// one whose single iteration could be (Csawg with a huge P or M).
  static let defaultEvaluations = 1_000_000

  func rules<S: DescentFloat>(_: S.Type) throws -> StoppingRules<S> {
    StoppingRules(
      maxIterations: maxIterations ?? (maxEvaluations == nil ? 10_000 : nil),
      maxGradientEvaluations: maxEvaluations ?? Self.defaultEvaluations,
      maxValueEvaluations: maxEvaluations ?? Self.defaultEvaluations,
      errorTolerance: try Self.tolerance("error-tolerance", errorTolerance),
      valueTolerance: try Self.tolerance("value-tolerance", valueTolerance),
      gradientTolerance: try Self.tolerance("gradient-tolerance", gradientTolerance))
  }

  static func tolerance<S: DescentFloat>(_ name: String, _ text: String?) throws -> S? {
    guard let text else { return nil }
    guard let value = S(text), value >= 0, value.isFinite else {
      throw DescentError.invalidValue(name: name, value: text, expected: "a finite number ≥ 0")
    }
    return value
  }

  /// `error` with a tolerance's value as typed.
  func asTyped(_ error: Error) -> Error {
    guard case .invalidValue(let name, _, let expected) = error as? DescentError else { return error }
    let typed = [
      "error-tolerance": errorTolerance, "value-tolerance": valueTolerance, "gradient-tolerance": gradientTolerance,
    ]
    guard let value = typed[name] ?? nil else { return error }
    return DescentError.invalidValue(name: name, value: value, expected: expected)
  }
}
