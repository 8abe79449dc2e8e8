import ArgumentParser
import Descent
import DescentPaper
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

  func validate() throws {
    if let figure, !PaperFigures.ids.contains(figure) {
      throw DescentError.unknownName(kind: "figure", name: figure, known: PaperFigures.ids)
    }
  }

  func run() throws {
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
}
