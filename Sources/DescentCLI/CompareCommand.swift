import ArgumentParser
import Descent
import DescentProblems
import DescentStudy
import Foundation

struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Run several optimizers on one problem with the same budget.",
    discussion: """
      Each optimizer runs with its defaults unless settings follow its name, joined by colons:
        descent compare --optimizers gd,csawg:planning-steps=5:corrections=10,adam:learning-rate=0.01
      It prints the evaluations each needed to bring ‖w − w*‖ to 1e-3, 1e-6 and 1e-10.
      """)

  @Option(
    help: "Comma-separated optimizers, each optionally name:setting=value:….", completion: .list(OptimizerCatalog.names)
  )
  var optimizers = "gd,heavy-ball,adam,csawg"

  @OptionGroup var problem: ProblemOptions

  @Option(parsing: .unconditional, help: "Evaluations each method may spend.", transform: IntegerArgument.atLeast(0))
  var maxEvaluations = 10_000

  @Option(help: "Output: table, or json (one JSON object per method, one per line).")
  var format: OutputFormat = .table

  func run() throws {
    let objective = try problem.make(Double.self)
    let start = try problem.startingPoint(for: objective)
    var methods: [(name: String, optimizer: any Optimizer<Double>)] = []
    let specifications = try MethodSpecification.list(optimizers)
    for specification in specifications {
      let optimizer: any Optimizer<Double> = try MethodOptions.make(specification, for: objective)
      methods.append((specification.text, optimizer))
    }
    let comparison = try Comparison(problem: objective, start: start, optimizers: methods, budget: maxEvaluations)
    if format == .json {
      for (specification, entry) in zip(specifications, comparison.entries) {
        let reach = Dictionary(
          uniqueKeysWithValues: zip(comparison.thresholds, entry.evaluationsToReach).map {
            (String(format: "%.0e", $0.0), $0.1)
          })
        print(
          try RunRecord(
            entry.result, method: specification, problem: problem, dimension: objective.dimension,
            precision: "double", evaluationsToReach: reach
          ).line())
      }
      return
    }
    var rows = [
      ["method"] + comparison.thresholds.map { "to " + String(format: "%.0e", Double($0)) } + [
        "final error", "evaluations", "stopped",
      ]
    ]
    for entry in comparison.entries {
      rows.append(
        [entry.method] + entry.evaluationsToReach.map { $0.map(String.init) ?? "not reached" }
          + [Format.number(entry.finalError), String(entry.evaluations), entry.termination.rawValue])
    }
    print(
      "\(problem.problem) from (\(start.map { "\($0)" }.joined(separator: ", "))), \(maxEvaluations) evaluations each")
    print(Format.table(rows))
  }
}
