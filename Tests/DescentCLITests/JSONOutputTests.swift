import Foundation
import Testing

/// `--format json` as a script reads it: the tool run as a process, its standard output
/// parsed line by line.
@Suite struct JSONOutputTests {
  func output(_ arguments: [String]) throws -> (lines: [[String: Any]], status: Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: SweepProcessTests.tool)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let lines = try String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
      try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
    return (lines, process.terminationStatus)
  }

  /// A training problem runs by epochs: the line holds a record per epoch (epoch 0 the
  /// start), the trace one row per epoch, and the value is the training loss.
  @Test func trainingRunPrintsItsEpochs() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("descent-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let trace = folder.appendingPathComponent("epochs.csv").path
    let (lines, status) = try output([
      "run", "--problem", "breast-cancer-heldout", "--optimizer", "csawg-safeguarded", "--epochs", "3", "--format",
      "json", "--trace", trace,
    ])
    #expect(status == 0)
    let record = try #require(lines.count == 1 ? lines[0] : nil)
    let epochs = try #require(record["epochs"] as? [[String: Any]])
    #expect(epochs.map { $0["epoch"] as? Int } == [0, 1, 2, 3])
    #expect(epochs.last?["gradient_evaluations"] as? Int == 3 * (455 / 100))
    let accuracy = try #require(epochs.last?["test_accuracy"] as? Double)
    #expect(accuracy > 0.8 && accuracy <= 1)
    #expect(record["value"] as? Double == epochs.last?["train_loss"] as? Double)
    let rows = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
    #expect(
      rows.first
        == "epoch,gradient_evaluations,value_evaluations,train_loss,test_loss,test_accuracy,validation_loss,validation_accuracy,step_size,wall_seconds"
    )
    #expect(rows.count == 5)
    // The planner's step size after each epoch, and the seconds since the start, rising.
    let cells = rows.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    #expect(cells.dropFirst().allSatisfy { Double($0[8]).map { $0 > 0 } == true })
    let seconds = cells.compactMap { Double($0[9]) }
    #expect(seconds.count == 4 && zip(seconds, seconds.dropFirst()).allSatisfy { $0 <= $1 })
  }

  /// A run checkpointed after 2 epochs and resumed to 5 writes the trace (all but the
  /// wall times), the weights and the result of the run that never stopped; the best
  /// epoch is chosen on rows held out of the training rows.
  @Test func aResumedTrainingRunIsTheRunThatNeverStopped() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("descent-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = [
      "run", "--problem", "digits-network-heldout", "--set", "validation-rows=300", "--optimizer",
      "csawg-safeguarded", "--format", "json",
    ]
    let (straight, status) = try output(
      run + ["--epochs", "5", "--trace", "\(folder)/a.csv", "--iterates", "\(folder)/a.npy"])
    #expect(status == 0)
    #expect(try output(run + ["--epochs", "2", "--checkpoint", "\(folder)/state.json"]).status == 0)
    let (resumed, again) = try output(
      run + [
        "--epochs", "5", "--checkpoint", "\(folder)/state.json", "--resume", "\(folder)/state.json", "--trace",
        "\(folder)/b.csv", "--iterates", "\(folder)/b.npy",
      ])
    #expect(again == 0)
    func columns(_ name: String) throws -> [String] {
      try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8).split(separator: "\n").map {
        $0.split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(separator: ",")
      }
    }
    #expect(try columns("a.csv") == columns("b.csv"))
    #expect(try columns("a.csv").count == 7)
    #expect(
      FileManager.default.contents(atPath: "\(folder)/a.npy") == FileManager.default.contents(atPath: "\(folder)/b.npy")
    )
    let epochs = { (lines: [[String: Any]]) in lines.first?["epochs"] as? [[String: Any]] }
    #expect(
      epochs(straight)?.map { $0["validation_loss"] as? Double }
        == epochs(resumed)?.map { $0["validation_loss"] as? Double })
    let best = try #require(straight.first?["best"] as? [String: Any])
    let losses = try #require(epochs(straight)?.compactMap { $0["validation_loss"] as? Double })
    #expect(losses.count == 6 && best["value"] as? Double == losses.min())
    // Another method, or a checkpoint that is not one, is refused by name.
    var other = run
    other[6] = "adamw"
    #expect(
      runTool(other + ["--epochs", "5", "--resume", "\(folder)/state.json"])
        == "\(folder)/state.json resumes a run with the optimizer csawg-safeguarded, not adamw: give the command line of the run it checkpoints"
    )
    #expect(
      runTool(run + ["--epochs", "1", "--resume", "\(folder)/state.json"])
        == "invalid epochs 1: \(folder)/state.json has done 5 epochs; expected an integer ≥ 5, the epochs in all")
    #expect(
      runTool(run + ["--epochs", "5", "--resume", "\(folder)/a.csv"])?.hasPrefix(
        "\(folder)/a.csv is not a checkpoint of descent run") == true)
    #expect(
      runTool(["run", "--problem", "rosenbrock", "--checkpoint", "\(folder)/x.json"])?.hasPrefix(
        "--checkpoint applies to a training problem") == true)
  }

  /// A schedule in epochs is the steps they count (half an epoch of 40 batches: 20),
  /// recorded as steps.
  @Test func schedulesInEpochsAreSteps() throws {
    let (lines, status) = try output([
      "run", "--problem", "mnist1d-logistic", "--optimizer", "adamw", "--warmup-epochs", "0.5", "--decay-epochs",
      "2", "--epochs", "2", "--format", "json",
    ])
    #expect(status == 0)
    let method = try #require(lines.first?["method"] as? [String: Any])
    #expect(method["settings"] as? [String: String] == ["warmup-steps": "20", "decay-steps": "80"])
  }

  /// A step so large that the loss overflows where the method evaluates (its gradients
  /// stay finite) fails the run: exit 2, and the loss is null, not left out.
  @Test func overflowedTrainingLossFailsTheRun() throws {
    let (lines, status) = try output([
      "run", "--problem", "breast-cancer-heldout", "--optimizer", "adam", "--learning-rate", "1e300", "--epochs", "2",
      "--format", "json",
    ])
    #expect(status == 2)
    let record = try #require(lines.first)
    #expect(record["failed"] as? Bool == true && record["termination"] as? String == "non-finite-value")
    #expect(record["value"] is NSNull)
    let epochs = try #require(record["epochs"] as? [[String: Any]])
    #expect(epochs.last?["train_loss"] is NSNull)
    #expect(record["error"] is NSNull)
  }

  @Test func runPrintsOneObject() throws {
    let (lines, status) = try output([
      "run", "--optimizer", "csawg:planning-steps=5:corrections=10", "--format", "json", "--max-evaluations", "458",
    ])
    #expect(status == 0)
    let record = try #require(lines.count == 1 ? lines[0] : nil)
    let method = try #require(record["method"] as? [String: Any])
    #expect(method["name"] as? String == "csawg")
    #expect(method["settings"] as? [String: String] == ["planning-steps": "5", "corrections": "10"])
    let evaluations = try #require(record["evaluations"] as? [String: Int])
    #expect(evaluations["gradient"] == 458)
    #expect(record["iterate"] == nil && record["start"] == nil)
    #expect(record["error"] as? Double == 0)
    #expect(record["failed"] as? Bool == false)
    #expect((record["problem"] as? [String: Any])?["dimension"] as? Int == 2)
  }

  /// The line stays small whatever d; the iterates go, on request, to a numpy file:
  /// rows start, last and best, float64, little-endian, after a 64-byte-aligned header.
  @Test func iteratesGoToANumpyFile() throws {
    let path = NSTemporaryDirectory() + "descent-iterates-\(UUID().uuidString).npy"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (large, _) = try output([
      "run", "--optimizer", "gd", "--set", "dimension=1000000", "--format", "json", "--max-iterations", "2",
    ])
    #expect(try JSONSerialization.data(withJSONObject: #require(large.first)).count < 2_000)
    let (lines, status) = try output([
      "run", "--optimizer", "csawg:planning-steps=5:corrections=10", "--format", "json", "--max-evaluations", "458",
      "--iterates", path,
    ])
    #expect(status == 0 && lines.first?["iterates"] as? String == path)
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(Array(bytes.prefix(8)) == [0x93] + Array("NUMPY".utf8) + [1, 0])
    let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
    let header = String(decoding: bytes[10..<(10 + headerLength)], as: UTF8.self)
    #expect(header.contains("'descr': '<f8'") && header.contains("'shape': (4, 2)"))
    #expect((10 + headerLength) % 64 == 0 && header.hasSuffix("\n"))
    let numbers = stride(from: 10 + headerLength, to: bytes.count, by: 8).map { offset in
      Double(bitPattern: bytes[offset..<(offset + 8)].reversed().reduce(0) { $0 << 8 | UInt64($1) })
    }
    #expect(numbers == [-1, 0, 1, 1, 1, 1, 1, 1])
  }

  /// A method used at another point than its iterate (schedule-free's x) says what f
  /// is there, and writes that point as the iterates file's last row.
  @Test func theAveragedPointIsShown() throws {
    let path = NSTemporaryDirectory() + "descent-averaged-\(UUID().uuidString).npy"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (lines, status) = try output([
      "run", "--optimizer", "schedule-free-sgd", "--learning-rate", "0.001", "--max-evaluations", "2000", "--format",
      "json", "--iterates", path,
    ])
    #expect(status == 0)
    let averaged = try #require(lines.first?["averaged"] as? [String: Any])
    let value = try #require(averaged["value"] as? Double)
    #expect(value > 0 && value != lines.first?["value"] as? Double)
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
    let numbers = stride(from: 10 + headerLength, to: bytes.count, by: 8).map { offset in
      Double(bitPattern: bytes[offset..<(offset + 8)].reversed().reduce(0) { $0 << 8 | UInt64($1) })
    }
    // Rosenbrock's f at the last row is the averaged value.
    let (x, y) = (numbers[6], numbers[7])
    #expect(abs((1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) - value) <= 1e-12 * max(1, value))
    // A method with no average has none.
    #expect(try output(["run", "--optimizer", "gd", "--format", "json"]).lines.first?["averaged"] == nil)
  }

  @Test func compareprintsOneObjectPerMethod() throws {
    let (lines, status) = try output([
      "compare", "--optimizers", "gd,csawg:planning-steps=5:corrections=10", "--format", "json",
      "--max-evaluations", "1000",
    ])
    #expect(status == 0)
    #expect(lines.map { ($0["method"] as? [String: Any])?["name"] as? String } == ["gd", "csawg"])
    let reach = try #require(lines[1]["evaluations_to_reach"] as? [String: Any])
    #expect(reach["1e-03"] as? Int == 401)
    #expect(reach["1e-10"] as? Int == 458)
    #expect(lines[0]["evaluations_to_reach"].map { ($0 as? [String: Any])?["1e-03"] is NSNull } == true)
  }

  @Test func failedRunExitsTwoWithNullsForNonFiniteNumbers() throws {
    let (lines, status) = try output(["run", "--optimizer", "gd:learning-rate=10", "--format", "json"])
    #expect(status == 2)
    #expect(lines.first?["failed"] as? Bool == true)
    #expect(
      lines.first?["termination"] as? String == "non-finite-value"
        || lines.first?["termination"] as? String == "non-finite-gradient")
  }
}
