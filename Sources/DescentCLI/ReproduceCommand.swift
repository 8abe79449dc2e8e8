import ArgumentParser
import Descent
import Foundation

struct ReproduceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reproduce",
    abstract: "Run the paper's experiments and print the paper's numbers beside ours.")

  @Option(help: ArgumentHelp("Also write summary.json to this directory.", valueName: "dir"))
  var output: String?

  func run() throws {
    let claims = try HeadlineExperiments.claims()
    var rows = [["claim", "paper", "measured", "unit", "holds"]]
    for claim in claims {
      rows.append([
        claim.id, Format.number(claim.paper), Format.number(claim.measured), claim.unit,
        claim.holds ? "yes" : "no",
      ])
    }
    print(Format.table(rows))
    print()
    for claim in claims {
      print("\(claim.id): \(claim.statement)." + (claim.note.isEmpty ? "" : " Measured: \(claim.note)."))
    }
    if let output {
      try OutputFile.makeDirectory(output)
      let path = (output as NSString).appendingPathComponent("summary.json")
      try OutputFile.write(try SummaryFile.json(claims), to: path)
      print("\nwrote \(path)")
    }
  }
}

/// `summary.json`: the claims, pretty-printed with sorted keys so two runs give the
/// same bytes.
enum SummaryFile {
  static func json(_ claims: [Claim]) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(claims), as: UTF8.self) + "\n"
  }
}
