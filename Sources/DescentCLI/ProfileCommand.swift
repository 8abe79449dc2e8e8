import ArgumentParser
import Descent
import DescentStudy
import Foundation

struct ProfileCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "profile",
    abstract: "Performance and data profiles of a sweep's results, as SVG, CSV and an HTML page.",
    discussion: """
      For each accuracy τ in 1e-1, 1e-3, 1e-5, 1e-7: a Dolan–Moré performance profile and a \
      Moré–Wild data profile, for each method at its defaults and at its best setting per \
      problem, and OUTPUT/index.html with a table per problem.
      """)

  @Argument(help: "Results: files or folders of them (shards are merged).")
  var results: [String]

  @Option(help: "Folder for the profiles.")
  var output = "profiles"

  func run() throws {
    let merged = try StudyMerge.merge(results)
    // A training run's value is a loss with no f* to profile against: its measure is
    // test accuracy by epoch, which `curves` draws.
    let training = merged.filter { $0.epochs != nil }.count
    if training > 0 {
      throw InputError(
        "\(results.joined(separator: " ")) holds \(Plural.of(training, "training run")) (test accuracy by epoch), which profiles cannot measure: run 'descent curves \(results.joined(separator: " ")) --output DIR'"
      )
    }
    try OutputDirectory.prepare(output)
    let files = ProfileReport.files(merged, source: results.joined(separator: " "))
    for file in files { try OutputFile.write(file.contents, to: "\(output)/\(file.name)") }
    print("\(files.count) files written to \(output)/ (open \(output)/index.html)")
  }
}
