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
    let sweep = try StudySweep.into(folder: output, specification: spec, quick: quick, runs: runs, shard: shard)
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
