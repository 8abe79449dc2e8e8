import ArgumentParser
import Descent
import Foundation

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Minimise one problem with one optimizer and print its progress and result.")

  @OptionGroup var method: HyperparameterOptions
  @OptionGroup var problem: ProblemOptions
  @OptionGroup var stopping: StoppingOptions

  @Option(help: ArgumentHelp("Write the per-iteration trace as CSV to this file.", valueName: "file.csv"))
  var trace: String?

  @Option(help: "Arithmetic: float or double.")
  var precision: Precision = .double

  @Option(help: "Rows of the progress table.")
  var progressRows = 10

  func validate() throws {
    guard progressRows >= 2 else {
      throw ValidationError("--progress-rows must be at least 2, got \(progressRows)")
    }
    if let trace { try OutputFile.checkWritable(trace) }
  }

  func run() throws {
    switch precision {
    case .float: try run(Float.self)
    case .double: try run(Double.self)
    }
  }

  private func run<S: DescentFloat>(_: S.Type) throws {
    let objective = try problem.make(S.self)
    let optimizer = try method.make(S.self)
    let start = try problem.startingPoint(for: objective)
    let result = try minimize(objective, from: start, with: optimizer, until: stopping.rules(S.self), trace: true)
    let rows = result.trace?.rows ?? []
    print("\(method.optimizer) on \(problem.problem) (d = \(objective.dimension), \(precision.rawValue))")
    print(ProgressTable.render(rows, count: progressRows))
    print(ResultSummary.render(result))
    if let trace, let csv = result.trace?.csv {
      try OutputFile.write(csv, to: trace)
      print("trace: \(trace) (\(rows.count) rows)")
    }
    if result.termination.isFailure { throw ExitCode(2) }
  }
}

enum Precision: String, ExpressibleByArgument, CaseIterable {
  case float, double
}
