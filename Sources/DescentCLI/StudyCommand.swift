import ArgumentParser
import Descent
import DescentProblems
import DescentStudy
import Foundation

struct StudyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "study",
    abstract: "Run a sweep of methods over problems from a YAML or JSON specification.",
    discussion: """
      Each run (a problem and its settings, a method and its settings, a seed, a budget of \
      gradient evaluations) is one JSON line of OUTPUT/results.jsonl, with a stable id. \
      Rerunning the command skips the runs already recorded, so a stopped sweep resumes; \
      the file is the same bytes whatever --jobs and however often it was stopped. Wall \
      times go to OUTPUT/timing.jsonl. On a cluster, --shard i/n (or Slurm's array task, \
      or Kubernetes' JOB_COMPLETION_INDEX with --shards n) runs every n-th run from the \
      i-th, into results-shard-i-of-n.jsonl; `descent merge` joins the shards.
      """,
    aliases: ["bench"])

  @Argument(help: "The specification, YAML or JSON.", completion: .file(extensions: ["yaml", "yml", "json"]))
  var specification: String

  @Option(help: "Folder of the results files.", completion: .directory)
  var output = "study-results"

  @Option(help: "Runs at once (default: every core).", transform: IntegerArgument.atLeast(1))
  var jobs: Int?

  @Option(
    help: ArgumentHelp("This process's share of the runs: every n-th from the i-th (0 ≤ i < n).", valueName: "i/n"))
  var shard: String?

  @Option(
    help: "The number of shards, with Kubernetes' JOB_COMPLETION_INDEX as this one's index.",
    transform: IntegerArgument.atLeast(1))
  var shards: Int?

  @Flag(help: "Run the specification's quick subset.")
  var quick = false

  @Flag(help: "Check the specification (every problem and method built, the runs counted) and run nothing.")
  var check = false

  @Flag(help: "No progress line on standard error.")
  var quiet = false

  func run() throws {
    let jobs = jobs ?? Parallel.cores
    let spec = try StudySpecification.read(specification)
    // A mistake found as the runs are made is named with the file it is in.
    func named<T>(_ body: () throws -> T) throws -> T {
      do { return try body() } catch let error as StudyError { throw StudyError("\(specification): \(error)") }
    }
    if check {
      let (runs, problems, methods) = try named { try spec.check(quick: quick) }
      print(
        "\(specification): \(Plural.of(runs, "run")), \(Plural.of(problems, "problem configuration")) × \(Plural.of(methods, "method configuration")) "
          + "(and the seeds); each value of each setting built")
      return
    }
    // Every value of every setting is checked before the first run.
    _ = try named { try spec.check(quick: quick) }
    let runs = try named { try spec.runs(quick: quick) }
    let shard =
      try shard.map { try StudySweep.Shard(parsing: $0) }
      ?? StudySweep.Shard.fromEnvironment(ProcessInfo.processInfo.environment, count: shards)
    try OutputDirectory.prepare(output)
    let suffix = shard.map { "-shard-\($0.index)-of-\($0.count)" } ?? ""
    let sweep = try StudySweep(
      runs: runs, shard: shard, results: "\(output)/results\(suffix).jsonl", timing: "\(output)/timing\(suffix).jsonl")
    try SweepRecord(specification: spec, quick: quick, runs: runs).claim(
      folder: output, holdsResults: SweepRecord.holdsResults(output))
    if sweep.damagedLines > 0 {
      StandardError.write(
        "study: \(Plural.of(sweep.damagedLines, "cut-short line")) in \(sweep.results.path) skipped; their runs rerun")
    }
    let quiet = quiet
    let line = ProgressLine(enabled: !quiet)
    if !quiet && sweep.recorded > 0 {
      StandardError.write("study: \(Plural.of(sweep.recorded, "run")) already in \(sweep.results.path), skipped")
    }
    TemporaryFiles.onInterrupt(
      say: "study: interrupted; rerun the same command to resume (the runs in \(sweep.results.path) are kept)")
    try sweep.run(jobs: jobs) { progress in line.show(progress) }
    line.finish()
    print(
      "\(Plural.of(sweep.runs.count, "run")) written to \(sweep.results.path)" + (shard.map { " (shard \($0))" } ?? ""))
  }
}

/// The sweep's progress on standard error: rewritten in place on a terminal, a line
/// every 5 % otherwise.
final class ProgressLine: @unchecked Sendable {
  private let enabled: Bool
  private let terminal = Terminal.isInteractive
  private let lock = NSLock()
  private var lastPercent = -1

  init(enabled: Bool) { self.enabled = enabled }

  func show(_ progress: StudySweep.Progress) {
    guard enabled, progress.total > 0 else { return }
    lock.lock()
    defer { lock.unlock() }
    let percent = 100 * progress.done / progress.total
    let current = progress.current.map { " · \($0.method.text) on \($0.problem.text)" } ?? ""
    let text = "study: \(progress.done)/\(progress.total) done, \(progress.total - progress.done) left\(current)"
    if terminal {
      // Through Terminal, so that what is said on Ctrl-C starts a line of its own.
      Terminal.show(String(text.prefix(110)))
    } else if percent / 5 > lastPercent / 5 || progress.done == progress.total {
      lastPercent = percent
      StandardError.write(text)
    }
  }

  func finish() {
    if enabled && terminal { _ = "\n".withCString { Platform.write(2, $0, 1) } }
  }
}

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
