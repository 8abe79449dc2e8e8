import Descent
import DescentProblems
import Dispatch
import Foundation

/// A sweep: the runs of a specification (or of one shard of it) that a results file does
/// not hold yet, run on `jobs` threads and appended in the sweep's order, so that the
/// file is the same bytes whatever the number of jobs and however often the sweep was
/// stopped and started again.
public struct StudySweep: Sendable {
  /// Which runs of the fixed order this process takes: every `count`-th from `index`.
  public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) throws {
      guard count >= 1, index >= 0, index < count else {
        throw StudyError("shard \(index)/\(count): expected i/n with n ≥ 1 and 0 ≤ i < n")
      }
      (self.index, self.count) = (index, count)
    }

    /// `i/n`, as `--shard` takes it.
    public init(parsing text: String) throws {
      let parts = text.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
        throw StudyError("shard '\(text)': expected i/n, e.g. 0/4 (runs 0, 4, 8, … of the sweep)")
      }
      try self.init(index: index, count: count)
    }

    /// From the scheduler's environment: Slurm's array task (its id less the array's
    /// first id, of the task count), or Kubernetes' `JOB_COMPLETION_INDEX` of `count`.
    public static func fromEnvironment(_ environment: [String: String], count: Int?) throws -> Shard? {
      if let id = environment["SLURM_ARRAY_TASK_ID"].flatMap(Int.init),
        let tasks = environment["SLURM_ARRAY_TASK_COUNT"].flatMap(Int.init)
      {
        let first = environment["SLURM_ARRAY_TASK_MIN"].flatMap(Int.init) ?? 0
        return try Shard(index: id - first, count: tasks)
      }
      if let index = environment["JOB_COMPLETION_INDEX"].flatMap(Int.init) {
        guard let count else {
          throw StudyError("JOB_COMPLETION_INDEX is set: give the number of shards with --shards")
        }
        return try Shard(index: index, count: count)
      }
      return nil
    }

    public func contains(_ run: StudyRun) -> Bool { run.index % count == index }
    public var description: String { "\(index)/\(count)" }
  }

  public let runs: [StudyRun]
  public let results: ResultsFile
  public let timing: ResultsFile
  /// Runs already in the results file, skipped.
  public let recorded: Int
  /// Lines of the results file that did not decode (cut short), skipped.
  public let damagedLines: Int

  /// The sweep of `runs` (or of one shard of them) into `folder`, which the study owns:
  /// made if missing, its files named here (`results.jsonl` and `timing.jsonl`, or
  /// `results-shard-i-of-n.jsonl` and its timing for a shard), and claimed for the
  /// specification (`specification.json`): a folder another specification's results
  /// fill is refused before any run.
  public static func into(
    folder: String, specification: StudySpecification, quick: Bool, runs: [StudyRun], shard: Shard?
  ) throws -> StudySweep {
    try OutputDirectory.prepare(folder)
    let suffix = shard.map { "-shard-\($0.index)-of-\($0.count)" } ?? ""
    // A committed study keeps its results compressed: a sweep beside them would start
    // again from nothing and never see them.
    let results = "\(folder)/results\(suffix).jsonl"
    if FileManager.default.fileExists(atPath: results + ".gz") && !FileManager.default.fileExists(atPath: results) {
      throw StudyError(
        "\(results).gz holds this folder's results compressed: unpack them first ('sh study/data.sh unpack' in a clone), and the sweep resumes from them; or give another --output"
      )
    }
    let sweep = try StudySweep(
      runs: runs, shard: shard, results: results, timing: "\(folder)/timing\(suffix).jsonl")
    try SweepRecord(specification: specification, quick: quick, runs: runs).claim(
      folder: folder, holdsResults: SweepRecord.holdsResults(folder))
    return sweep
  }

  /// Opens (or creates) the results and timing files and finds what is left to run.
  /// The files are opened (and locked) before they are read, so no other sweep writes
  /// them meanwhile. A run recorded that the sweep does not hold is refused: the file
  /// comes from another specification.
  public init(runs all: [StudyRun], shard: Shard?, results path: String, timing timingPath: String) throws {
    results = try ResultsFile(path: path)
    timing = try ResultsFile(path: timingPath)
    let (lines, damaged) = try ResultsFile.read(StudyResult.self, from: path)
    let done = Set(lines.map(\.id))
    let mine = all.filter { shard?.contains($0) ?? true }
    let ids = Set(mine.map(\.id))
    if let stranger = lines.first(where: { !ids.contains($0.id) }) {
      throw StudyError(
        "\(path) holds run \(stranger.id) (\(stranger.run.problem.text) · \(stranger.run.method.text)), "
          + "which this specification does not: it comes from another one; give another --output")
    }
    runs = mine.filter { !done.contains($0.id) }
    recorded = mine.count - runs.count
    damagedLines = damaged
  }

  /// Runs what is left on `jobs` threads, reporting each start and finish to `report`.
  public func run(jobs: Int, report: @escaping @Sendable (Progress) -> Void) throws {
    let jobs = max(1, min(jobs, runs.count))
    // Each job runs its kernels on its share of the cores.
    let savedThreads = Parallel.threads
    Parallel.threads = max(1, Parallel.maximumThreads / jobs)
    // ... and each run may take its share of the process's memory.
    let savedShares = MemoryRequirement.shares
    MemoryRequirement.shares = jobs
    defer { (Parallel.threads, MemoryRequirement.shares) = (savedThreads, savedShares) }
    let runs = self.runs
    let state = SweepState(runs: runs)
    let runner = StudyRunner()
    let results = self.results
    let timing = self.timing
    DispatchQueue.concurrentPerform(iterations: jobs) { _ in
      while let index = state.next() {
        let run = runs[index]
        report(state.progress(current: run))
        let outcome = Result { try runner.run(run) }
        state.finish(index, with: outcome) { ready in
          for (result, time) in ready {
            try results.append(StudyJSON.line(result))
            try timing.append(StudyJSON.line(time))
          }
        }
      }
    }
    report(state.progress(current: nil))
    if let failure = state.failure { throw failure }
  }

  /// Where a sweep is, for the progress line.
  public struct Progress: Sendable {
    public var done: Int
    public var total: Int
    public var current: StudyRun?
  }
}

/// The sweep's shared state: the next run to start, finished results waiting for the
/// ones before them, and the first failure (which stops new runs from starting).
private final class SweepState: @unchecked Sendable {
  private let lock = NSLock()
  private let count: Int
  private var started = 0
  private var written = 0
  private var waiting: [Int: (StudyResult, StudyTiming)] = [:]
  private(set) var failure: Error?

  init(runs: [StudyRun]) { count = runs.count }

  func next() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard failure == nil, started < count else { return nil }
    started += 1
    return started - 1
  }

  func progress(current: StudyRun?) -> StudySweep.Progress {
    lock.lock()
    defer { lock.unlock() }
    return .init(done: written, total: count, current: current)
  }

  /// Stores a finished run and writes every result now in order, under the lock so
  /// that lines go out one at a time and in order.
  func finish(
    _ index: Int, with outcome: Result<(StudyResult, StudyTiming), Error>,
    write: ([(StudyResult, StudyTiming)]) throws -> Void
  ) {
    lock.lock()
    defer { lock.unlock() }
    switch outcome {
    case .success(let value): waiting[index] = value
    case .failure(let error):
      if failure == nil { failure = error }
      return
    }
    var ready: [(StudyResult, StudyTiming)] = []
    while let value = waiting.removeValue(forKey: written + ready.count) { ready.append(value) }
    do {
      try write(ready)
      written += ready.count
    } catch {
      if failure == nil { failure = error }
    }
  }
}
