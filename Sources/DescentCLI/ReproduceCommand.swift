import ArgumentParser
import Descent
import Foundation

struct ReproduceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reproduce",
    abstract: "Regenerate the paper's experiments: figures, claims and a report page.",
    discussion: "Writes figure-ID.svg and figure-ID.csv for each figure, summary.json, summary.md and index.html.")

  @Option(help: ArgumentHelp("Where to write (created if missing).", valueName: "dir"))
  var output = "results"

  @Option(help: ArgumentHelp("Make only this figure: \(PaperFigures.ids.joined(separator: ", ")).", valueName: "id"))
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
    let report = ReproductionReport(directory: URL(fileURLWithPath: output)) { line in
      if !quiet { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }
    let written = try report.write(figures: figure.map { [$0] } ?? PaperFigures.ids)
    if !written.claims.isEmpty {
      var rows = [["claim", "paper", "measured", "holds"]]
      for claim in written.claims {
        rows.append([claim.id, Format.number(claim.paper), Format.number(claim.measured), claim.holds ? "yes" : "no"])
      }
      print(Format.table(rows))
      print("\(written.claims.filter(\.holds).count) of \(written.claims.count) claims hold; reasons in \(output)/summary.md")
    }
    print("wrote \(written.files.count) files to \(output)/" + (written.claims.isEmpty ? "" : " (open \(output)/index.html)"))
  }
}
