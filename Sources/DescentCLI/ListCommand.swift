import ArgumentParser
import Descent
import DescentProblems

struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "Show every optimizer and problem with its settings and defaults.")

  func run() {
    print("Optimizers (descent run --optimizer NAME[:setting=value…], or --setting value):\n")
    for type in OptimizerCatalog.listed(Double.self) { print(Self.describe(type, flagPrefix: "--")) }
    print("Problems (descent run --problem NAME --set NAME=VALUE):\n")
    for type in ProblemCatalog.types(Double.self) { print(Self.describe(type, flagPrefix: "")) }
  }

  /// A method's or problem's name, summary and citation, and a row per setting (a
  /// method held inside another, Lookahead's, is listed under its own name).
  static func describe<Subject: Cataloged>(_: Subject.Type, flagPrefix: String) -> String {
    let entry = Subject.catalogEntry
    var rows = [["", "setting", "symbol", "default", "allowed", "meaning"]]
    for setting in entry.settings where !setting.isInner {
      rows.append([
        "", flagPrefix + setting.name, setting.symbol, setting.defaultText, setting.allowed, setting.summary,
      ])
    }
    let table = Format.table(rows).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
    return "\(entry.name): \(entry.summary)\n  \(entry.citation)\n\(table)\n"
  }
}
