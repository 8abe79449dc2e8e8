import Foundation
import Testing

/// `descent study` as a process: killed part way and resumed, and split into shards run
/// as separate processes, it writes what one uninterrupted sweep writes.
@Suite struct SweepProcessTests {
  static let specification = """
    budget: 1500
    problems:
      - name: extended-rosenbrock
        settings: {dimension: [100, 200]}
      - name: diagonal-quadratic
        settings: {dimension: 200}
    methods:
      - name: gd
        settings: {learning-rate: [1e-4, 3e-4, 1e-3]}
      - name: heavy-ball
      - name: csawg
        settings: {horizon: [2, 5]}
    """

  /// The `descent` the test build made, beside this test bundle.
  static var tool: String {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("descent").path
  }

  func folder() throws -> String {
    let path = NSTemporaryDirectory() + "descent-sweep-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    try Self.specification.write(toFile: path + "/spec.yaml", atomically: true, encoding: .utf8)
    return path
  }

  func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
    #expect(FileManager.default.isExecutableFile(atPath: Self.tool), "no descent at \(Self.tool)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.tool)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  func finish(_ arguments: [String], environment: [String: String] = [:]) throws {
    let process = try start(arguments, environment: environment)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "descent \(arguments.joined(separator: " "))")
  }

  func lines(_ path: String) -> Int {
    (FileManager.default.contents(atPath: path) ?? Data()).filter { $0 == UInt8(ascii: "\n") }.count
  }

  @Test func killedSweepResumesToTheSameResults() throws {
    let base = try folder()
    try finish(["study", "\(base)/spec.yaml", "--output", "\(base)/straight", "--jobs", "1", "--quiet"])
    let straight = try Data(contentsOf: URL(fileURLWithPath: "\(base)/straight/results.jsonl"))
    let total = straight.filter { $0 == UInt8(ascii: "\n") }.count
    #expect(total == 18)

    let killed = try start(["study", "\(base)/spec.yaml", "--output", "\(base)/killed", "--jobs", "2", "--quiet"])
    let deadline = Date().addingTimeInterval(60)
    while lines("\(base)/killed/results.jsonl") < 3 && killed.isRunning && Date() < deadline {
      usleep(2_000)
    }
    kill(killed.processIdentifier, SIGKILL)
    killed.waitUntilExit()
    let written = lines("\(base)/killed/results.jsonl")
    #expect(killed.terminationReason == .uncaughtSignal, "the sweep ended before it was killed")
    #expect(written < total, "the sweep finished before it was killed")

    try finish(["study", "\(base)/spec.yaml", "--output", "\(base)/killed", "--jobs", "2", "--quiet"])
    let resumed = try Data(contentsOf: URL(fileURLWithPath: "\(base)/killed/results.jsonl"))
    #expect(resumed == straight, "resumed after \(written) of \(total) runs")
  }

  @Test func fourShardsMergeToTheWholeSweep() throws {
    let base = try folder()
    try finish(["study", "\(base)/spec.yaml", "--output", "\(base)/whole", "--jobs", "2", "--quiet"])
    // Two shards by flag, one by Slurm's variables, one by Kubernetes', all at once.
    let shards = [
      try start([
        "study", "\(base)/spec.yaml", "--output", "\(base)/shards", "--shard", "0/4", "--jobs", "1", "--quiet",
      ]),
      try start([
        "study", "\(base)/spec.yaml", "--output", "\(base)/shards", "--shard", "1/4", "--jobs", "1", "--quiet",
      ]),
      try start(
        ["study", "\(base)/spec.yaml", "--output", "\(base)/shards", "--jobs", "1", "--quiet"],
        environment: ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "1"]),
      try start(
        ["study", "\(base)/spec.yaml", "--output", "\(base)/shards", "--shards", "4", "--jobs", "1", "--quiet"],
        environment: ["JOB_COMPLETION_INDEX": "3"]),
    ]
    for shard in shards {
      shard.waitUntilExit()
      #expect(shard.terminationStatus == 0)
    }
    try finish(["merge", "\(base)/shards", "--output", "\(base)/merged.jsonl"])
    let merged = try Data(contentsOf: URL(fileURLWithPath: "\(base)/merged.jsonl"))
    #expect(merged == (try Data(contentsOf: URL(fileURLWithPath: "\(base)/whole/results.jsonl"))))
  }
}
