import ArgumentParser
import Descent
import DescentPaper
import DescentStudy
import Foundation

struct ReproduceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reproduce",
    abstract: "Regenerate the paper's experiments: figures, claims and a report page.",
    discussion: "Writes figure-ID.svg and figure-ID.csv for each figure, summary.json, summary.md and index.html.")

  @Option(help: ArgumentHelp("Where to write (created if missing).", valueName: "dir"), completion: .directory)
  var output = "results"

  @Option(
    help: ArgumentHelp("Make only this figure: \(PaperFigures.ids.joined(separator: ", ")).", valueName: "id"),
    completion: .list(PaperFigures.ids))
  var figure: String?

  @Flag(help: "Print no progress.")
  var quiet = false

  @Flag(
    help:
      "Reproduce the mnist1d repository's table instead (Adam at its settings, its claims, a figure of test accuracy).")
  var mnist1d = false

  @Option(
    parsing: .unconditional, help: "With --mnist1d: Adam's steps (default 6000, the repository's).",
    transform: IntegerArgument.atLeast(1))
  var steps: Int?

  @Option(
    parsing: .unconditional, help: "With --mnist1d: seeds, the spread's (default 5).",
    transform: IntegerArgument.atLeast(2, " (a spread needs two)"))
  var seeds: Int?

  func validate() throws {
    if let figure, !PaperFigures.ids.contains(figure) {
      throw DescentError.unknownName(kind: "figure", name: figure, known: PaperFigures.ids)
    }
    if !mnist1d && (steps != nil || seeds != nil) { throw InputError("--steps and --seeds go with --mnist1d") }
    if mnist1d && figure != nil { throw InputError("--figure makes one of the paper's figures, not with --mnist1d") }
  }

  func run() throws {
    if mnist1d { return try reproduceMNIST1D() }
    let quiet = self.quiet
    let report = ReproductionReport { line in
      if !quiet { StandardError.write(line) }
    }
    // Every output is checked and opened before the first run, and each is renamed
    // into place only once the whole report is made.
    let ids = figure.map { [$0] } ?? PaperFigures.ids
    let names = ReproductionReport.fileNames(figures: ids)
    try OutputDirectory.prepare(output)
    var outputs: [String: OutputFile] = [:]
    for name in names { outputs[name] = try OutputFile(path: output + "/" + name) }
    let written = try report.make(figures: ids) { name, text in try outputs[name]!.write(text) }
    for name in names { try outputs[name]!.commit() }
    if !written.claims.isEmpty {
      var rows = [["claim", "paper", "measured", "holds"]]
      for claim in written.claims {
        rows.append([claim.id, Format.number(claim.paper), Format.number(claim.measured), claim.holds ? "yes" : "no"])
      }
      print(Format.table(rows))
      print(
        "\(written.claims.filter(\.holds).count) of \(written.claims.count) claims hold; reasons in \(output)/summary.md"
      )
    }
    print("wrote \(names.count) files to \(output)/" + (written.claims.isEmpty ? "" : " (open \(output)/index.html)"))
  }

  /// The mnist1d table: its outputs opened first, renamed into place when all are made.
  private func reproduceMNIST1D() throws {
    let names = MNIST1DReproduction.fileNames
    try OutputDirectory.prepare(output)
    var outputs: [String: OutputFile] = [:]
    for name in names { outputs[name] = try OutputFile(path: output + "/" + name) }
    let quiet = self.quiet
    let made = try MNIST1DReproduction.make(
      steps: steps ?? 6_000, seeds: seeds ?? 5, progress: { if !quiet { StandardError.write($0) } },
      save: { name, text in try outputs[name]!.write(text) })
    for name in names { try outputs[name]!.commit() }
    var rows = [["claim", "README", "measured", "holds"]]
    for claim in made.claims {
      rows.append([claim.id, Format.number(claim.paper), Format.number(claim.measured), claim.holds ? "yes" : "no"])
    }
    print(Format.table(rows))
    print("\(made.claims.filter(\.holds).count) of \(made.claims.count) claims hold; reasons in \(output)/summary.md")
    print("wrote \(names.count) files to \(output)/ (open \(output)/index.html)")
  }
}
