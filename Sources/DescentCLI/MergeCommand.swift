import ArgumentParser
import Descent
import DescentStudy
import Foundation

struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Join the results files of a sweep's shards into one, in the sweep's order.",
    discussion: "A run recorded in two files must be recorded the same in both; otherwise the merge is refused.")

  @Argument(help: "Folders (or files) of results.", completion: .file())
  var paths: [String]

  @Option(help: "The merged results file.")
  var output = "merged-results.jsonl"

  func run() throws {
    let merged = try StudyMerge.merge(paths)
    let text = try merged.map { try StudyJSON.line($0) + "\n" }.joined()
    try OutputFile.write(text, to: output)
    print("\(Plural.of(merged.count, "run")) written to \(output)")
  }
}
