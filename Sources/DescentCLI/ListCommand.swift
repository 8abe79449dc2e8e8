import ArgumentParser
import Descent
import DescentSuite

struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "Show every optimizer and problem with its settings and defaults.")

  func run() {
    print("Optimizers (descent run --optimizer NAME[:setting=value…], or --setting value):\n")
    for method in OptimizerCatalog.methods { print(Self.describe(method, flagPrefix: "--")) }
    print("Problems (descent run --problem NAME --set NAME=VALUE):\n")
    for problem in SuiteCatalog.problems { print(Self.describe(problem, flagPrefix: "")) }
  }

  static func describe(_ method: MethodDescription, flagPrefix: String) -> String {
    var rows = [["", "setting", "symbol", "default", "allowed", "meaning"]]
    for parameter in method.parameters {
      rows.append([
        "", flagPrefix + parameter.name, parameter.symbol, parameter.defaultValue, parameter.allowed,
        parameter.summary,
      ])
    }
    let table = Format.table(rows).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
    return "\(method.name): \(method.summary)\n  \(method.citation)\n\(table)\n"
  }
}
