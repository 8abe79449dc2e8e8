import ArgumentParser
import Descent
import DescentProblems
import Foundation

/// The problem, its parameters and the starting point.
struct ProblemOptions: ParsableArguments {
  @Option(
    help: "Problem: \(ProblemCatalog.names.joined(separator: ", ")).", completion: .list(ProblemCatalog.names))
  var problem = "rosenbrock"

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp("A problem parameter, e.g. --set b=10 (see 'descent list').", valueName: "name=value"),
    completion: .list(Self.settingCompletions))
  var parameters: [String] = []

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Starting point, comma-separated (default: the paper's).", valueName: "w1,w2,..."))
  var start: String?

  /// `name=` for every problem's settings, for the shell's completion.
  static var settingCompletions: [String] {
    Array(Set(ProblemCatalog.types(Double.self).flatMap { $0.settingNames })).sorted().map { "\($0)=" }
  }

  func make<S: DescentFloat>(_: S.Type) throws -> any CatalogedProblem<S> {
    try ProblemCatalog.make(problem, settings: try settings(), as: S.self)
  }

  /// The problem's settings as given with `--set`.
  func settings() throws -> [String: String] {
    try Assignments.parse(parameters) { _ in " in --set" }
  }

  /// The starting point: `--start` parsed, or the problem's default.
  func startingPoint<S: DescentFloat>(for problem: any CatalogedProblem<S>) throws -> [S] {
    guard let start else { return problem.defaultStart }
    var point: [S] = []
    for part in start.split(separator: ",", omittingEmptySubsequences: false) {
      let text = part.trimmingCharacters(in: .whitespaces)
      guard let value = S(text) else {
        throw DescentError.invalidValue(
          name: "start", value: start, expected: "comma-separated numbers, e.g. -1,0")
      }
      point.append(value)
    }
    return point
  }
}
