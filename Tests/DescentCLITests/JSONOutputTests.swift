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
    #expect(record["iterate"] as? [Double] == [1, 1])
    #expect(record["error"] as? Double == 0)
    #expect(record["failed"] as? Bool == false)
    #expect((record["problem"] as? [String: Any])?["dimension"] as? Int == 2)
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
