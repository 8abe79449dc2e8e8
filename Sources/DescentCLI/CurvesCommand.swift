import ArgumentParser
import Descent
import DescentStudy
import Foundation

struct CurvesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "curves",
    abstract:
      "Test accuracy and losses against epochs of training studies and runs, as SVG and CSV, and the final accuracies.",
    discussion: """
      For each training problem: the mean test accuracy over seeds of each method (a line) \
      and ± one standard deviation (a band), OUTPUT/accuracy-PROBLEM.svg and .csv, and its \
      training and test losses, OUTPUT/loss-PROBLEM.svg and .csv; a label run with several \
      settings is shown at its best final mean. A run's trace (descent run --trace on a \
      training problem) is drawn under the problem "runs", labelled by its file's name. \
      OUTPUT/final.md and final.csv list the final accuracies.
      """)

  @Argument(
    help:
      "Results: files or folders of them, each a study of its own (its shards are merged), or traces of training runs (.csv)."
  )
  var results: [String]

  @Option(help: "Folder for the curves.")
  var output = "curves"

  func run() throws {
    // Studies of different specifications (budgets sized to each problem) side by side;
    // a run given twice counts once, and a run recorded two ways is refused.
    var merged: [StudyResult] = []
    var seen: [String: StudyResult] = [:]
    let traces = results.filter(Self.isTrace)
    let studies = results.filter { !Self.isTrace($0) }
    for result in try studies.flatMap({ try StudyMerge.merge([$0]) }) {
      if let earlier = seen[result.id] {
        guard earlier == result else {
          throw InputError("run \(result.id) is recorded two different ways in \(results.joined(separator: " "))")
        }
        continue
      }
      seen[result.id] = result
      merged.append(result)
    }
    let names = traces.map { ($0 as NSString).lastPathComponent.replacingOccurrences(of: ".csv", with: "") }
    let runs = try zip(traces, names).map { path, name in
      // Two traces of one name are told apart by their paths.
      try TrainingCurves.curve(
        trace: String(decoding: try InputFile.contents(of: path, what: "the trace", option: "trace"), as: UTF8.self),
        label: names.filter { $0 == name }.count > 1 ? path : name, source: path)
    }
    guard !runs.isEmpty || merged.contains(where: { $0.epochs != nil }) else {
      throw InputError("no training runs in \(results.joined(separator: " ")): curves are drawn for training problems")
    }
    try OutputDirectory.prepare(output)
    let files = TrainingCurves.files(
      TrainingCurves.curves(merged) + runs, source: results.joined(separator: " "))
    for file in files { try OutputFile.write(file.contents, to: "\(output)/\(file.name)") }
    print("\(files.count) files written to \(output)/ (final accuracies in \(output)/final.md)")
  }

  /// A regular file whose first line is a training trace's header.
  static func isTrace(_ path: String) -> Bool {
    guard case .success(let status) = Platform.status(of: path), status.kind == .regular,
      let handle = FileHandle(forReadingAtPath: path)
    else { return false }
    defer { try? handle.close() }
    let start = (try? handle.read(upToCount: 64)) ?? Data()
    return String(decoding: start, as: UTF8.self).hasPrefix("epoch,gradient_evaluations,")
  }

}
