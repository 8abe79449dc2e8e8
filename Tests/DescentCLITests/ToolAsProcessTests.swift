import Foundation
import Testing

/// The tool as a user's shell runs it: in a pipe that closes early, under a memory
/// limit, interrupted, and mistyped.
@Suite struct ToolAsProcessTests {
  /// Runs `script` in bash with `$TOOL` the built tool; returns the exit status and
  /// what it wrote to standard error.
  func shell(_ script: String, interruptAfter seconds: Double? = nil) throws -> (status: Int32, error: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    process.environment = ProcessInfo.processInfo.environment.merging(["TOOL": SweepProcessTests.tool]) { $1 }
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    if let seconds {
      Thread.sleep(forTimeInterval: seconds)
      process.interrupt()
    }
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
  }

  /// `descent … | head`: the reader goes away, and the tool ends quietly with status 0.
  @Test func aClosedPipeEndsOutputQuietly() throws {
    let (status, error) = try shell(
      "set -o pipefail; \"$TOOL\" run --optimizer gd --max-iterations 200000 --progress-rows 200000 | head -c 100 > /dev/null"
    )
    #expect(status == 0)
    #expect(error.isEmpty, "\(error)")
  }

  @Test func aMistypedCommandGetsDidYouMean() throws {
    let (status, error) = try shell("exec \"$TOOL\" rn")
    #expect(status == 1)
    #expect(error.hasPrefix("Error: unknown command 'rn': did you mean 'run'?"))
  }

  @Test func aMistypedFlagIsAnUnknownOption() throws {
    let (status, error) = try shell("exec \"$TOOL\" run --optimzer adam")
    #expect(status == 1)
    #expect(error == "Error: unknown option '--optimzer': did you mean '--optimizer'?\n")
  }

  /// Under an address-space limit, as a cluster job's memory limit sets it, a run that
  /// cannot have its memory ends before it starts, naming the size and the limit.
  @Test func aRunBeyondTheProcesssLimitIsRefused() throws {
    let (status, error) = try shell(
      "ulimit -v 4000000; exec \"$TOOL\" run --optimizer gd --set dimension=100000000 --max-iterations 2")
    #expect(status == 1)
    #expect(error.hasPrefix("Error: invalid dimension 100000000: expected a size that fits in memory"))
    #expect(error.contains("address-space limit"))
  }

  /// Ctrl-C during a sweep says how to resume.
  @Test func anInterruptedStudySaysHowToResume() throws {
    let folder = NSTemporaryDirectory() + "descent-interrupt-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try """
    budget: 100000
    problems: [{name: extended-rosenbrock, settings: {dimension: 1000}}]
    methods: [{name: gd, settings: {learning-rate: [1e-6, 1e-5, 1e-4]}}]
    """.write(toFile: "\(folder)/spec.yaml", atomically: true, encoding: .utf8)
    let (status, error) = try shell(
      "exec \"$TOOL\" study \"\(folder)/spec.yaml\" --output \"\(folder)/out\" --jobs 1 --quiet", interruptAfter: 1.5)
    #expect(status == 130)
    #expect(error.contains("interrupted; rerun the same command to resume"), "\(error)")
  }

  /// Ctrl-C during a training run: the trace keeps every finished epoch, the tool says
  /// where, and the rows printed so far were printed as they were made.
  @Test func anInterruptedTrainingRunKeepsItsTrace() throws {
    let folder = NSTemporaryDirectory() + "descent-trace-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: SweepProcessTests.tool)
    process.arguments = [
      "run", "--problem", "digits-network-heldout", "--optimizer", "adamw", "--epochs", "100000",
      "--progress-rows", "100000", "--trace", "\(folder)/trace.csv", "--checkpoint", "\(folder)/state.json",
    ]
    let (output, errors) = (Pipe(), Pipe())
    (process.standardOutput, process.standardError) = (output, errors)
    try process.run()
    // The heading and epoch 0 arrive while the run goes on.
    var printed = Data()
    let deadline = Date().addingTimeInterval(60)
    while String(decoding: printed, as: UTF8.self).split(separator: "\n").count < 5 && Date() < deadline {
      printed += output.fileHandleForReading.availableData
    }
    #expect(process.isRunning)
    process.interrupt()
    let error = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 130)
    #expect(String(decoding: printed, as: UTF8.self).contains("epoch  grad evals"))
    #expect(error.contains("the trace \(folder)/trace.csv holds them"), "\(error)")
    let lines = try String(contentsOfFile: "\(folder)/trace.csv", encoding: .utf8).split(separator: "\n")
    #expect(
      lines.first
        == "epoch,gradient_evaluations,value_evaluations,train_loss,test_loss,test_accuracy,validation_loss,validation_accuracy,step_size,wall_seconds"
    )
    #expect(lines.count >= 3)
    #expect(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 10 })
    // The checkpoint holds the last finished epoch, and says how to go on from it.
    #expect(error.contains("\(folder)/state.json holds epoch "), "\(error)")
    #expect(error.contains("add --resume \(folder)/state.json to go on"), "\(error)")
    #expect(FileManager.default.fileExists(atPath: "\(folder)/state.json"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["state.json", "trace.csv"])
  }

  /// Ctrl-C during a long run of a problem keeps the trace's rows under its header.
  @Test func anInterruptedRunKeepsItsTrace() throws {
    let folder = NSTemporaryDirectory() + "descent-trace-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let (status, error) = try shell(
      "exec \"$TOOL\" run --problem extended-rosenbrock --set dimension=1000 --optimizer gd --learning-rate 1e-6 --max-iterations 100000000 --max-evaluations 100000000 --trace \"\(folder)/trace.csv\"",
      interruptAfter: 1.5)
    #expect(status == 130)
    #expect(error.contains("the trace \(folder)/trace.csv holds the"), "\(error)")
    let lines = try String(contentsOfFile: "\(folder)/trace.csv", encoding: .utf8).split(separator: "\n")
    #expect(lines.count >= 2)
    let width = lines[0].split(separator: ",", omittingEmptySubsequences: false).count
    #expect(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == width })
  }
}
