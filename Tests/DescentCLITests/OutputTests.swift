import DescentProblems
import Foundation
import Testing

@testable import Descent
@testable import DescentCLI
@testable import DescentStudy

#if canImport(Glibc)
  import Glibc
#endif

/// Outputs are opened before the work, refuse what is not a regular file, and
/// report a failed write. Every file here is made in a temporary folder of the test's own.
@Suite struct OutputTests {
  let folder: String

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("descent-output-\(UUID())").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  func path(_ name: String) -> String { folder + "/" + name }

  func run(_ arguments: [String]) -> String? { runTool(arguments) }

  @Test func refusesWhatIsNotARegularFile() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "keep\n".write(toFile: path("real.csv"), atomically: false, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: path("link.csv"), withDestinationPath: path("real.csv"))
    try FileManager.default.createDirectory(atPath: path("dir"), withIntermediateDirectories: false)
    #expect(mkfifo(path("fifo"), 0o644) == 0)
    var refused = [("link.csv", "symbolic link"), ("dir", "directory"), ("fifo", "FIFO")]
    // A device node of our own, where this process may make one (root can).
    if mknod(path("full"), S_IFCHR | 0o644, dev_t((1 << 8) | 7)) == 0 { refused.append(("full", "device")) }
    for (name, kind) in refused {
      let message = run(["run", "--max-iterations", "3", "--trace", path(name)])
      #expect(message?.contains(kind) == true, "\(name): \(message ?? "accepted")")
    }
    // Nothing was replaced or written through the link.
    #expect(try String(contentsOfFile: path("real.csv"), encoding: .utf8) == "keep\n")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.csv")) == path("real.csv"))
    var status = stat()
    #expect(lstat(path("fifo"), &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted().filter { $0.hasPrefix(".") }.isEmpty)
  }

  @Test func replacesARegularFileAtomicallyKeepingItsPermissions() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "old\n".write(toFile: path("trace.csv"), atomically: false, encoding: .utf8)
    chmod(path("trace.csv"), 0o640)
    #expect(run(["run", "--max-iterations", "3", "--trace", path("trace.csv")]) == nil)
    let lines = try String(contentsOfFile: path("trace.csv"), encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 5)  // header, rows 0…3
    var status = stat()
    #expect(stat(path("trace.csv"), &status) == 0 && status.st_mode & 0o777 == 0o640)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["trace.csv"])
  }

  @Test func namesThePartOfThePathInTheWay() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "x".write(toFile: path("afile"), atomically: false, encoding: .utf8)
    #expect(
      run(["run", "--trace", path("afile/trace.csv")])
        == "cannot write \(path("afile/trace.csv")): \(path("afile")) is not a directory")
    #expect(run(["run", "--trace", path("none/trace.csv")])?.contains("does not exist") == true)
    #expect(
      run(["reproduce", "--figure", "7a", "--quiet", "--output", path("afile/sub")])
        == "cannot write \(path("afile/sub")): \(path("afile")) is not a directory")
    #expect(
      run(["reproduce", "--figure", "7a", "--quiet", "--output", path("afile")])
        == "cannot write \(path("afile")): it exists and is not a directory")
  }

  /// A write that fails (here to a pipe nobody reads) is an error naming the reason.
  @Test func aFailedWriteIsAnError() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = try OutputFile(path: path("out.txt"))
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    close(ends[0])
    signal(SIGPIPE, SIG_IGN)
    // Point the open file's descriptor at the pipe, as a full disk or a closed pipe would fail it.
    #expect(dup2(ends[1], file.descriptor) >= 0)
    close(ends[1])
    #expect(throws: OutputError.self) {
      try file.write(String(repeating: "x", count: 1 << 17))
    }
    #expect(!FileManager.default.fileExists(atPath: path("out.txt")))
  }

  /// The trace of a run is streamed: the same bytes as the in-memory trace.
  @Test func streamedTraceEqualsTheInMemoryOne() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(
      run([
        "run", "--optimizer", "csawg", "--planning-steps", "5", "--corrections", "10", "--max-iterations", "40",
        "--trace",
        path("t.csv"),
      ])
        == nil)
    var csawg = try Csawg<Double>(planningSteps: 5, corrections: 10)
    let result = try minimize(
      try Rosenbrock<Double>(), from: [-1, 0], using: &csawg,
      until: .init(maxIterations: 40, maxGradientEvaluations: 1_000_000, maxValueEvaluations: 1_000_000), trace: true)
    #expect(try String(contentsOfFile: path("t.csv"), encoding: .utf8) == result.trace!.csv)
  }

  /// `--trace-components` sets the width of the trace's rows.
  @Test func traceComponentsSetTheColumns() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let arguments = [
      "run", "--optimizer", "csawg", "--set", "dimension=4", "--max-iterations", "6", "--trace", path("t.csv"),
    ]
    #expect(run(arguments + ["--trace-components", "1"]) == nil)
    let header = try String(contentsOfFile: path("t.csv"), encoding: .utf8).split(separator: "\n").first
    #expect(header == "iteration,gradient_evaluations,value_evaluations,f,error,gradient_norm,w1,alpha1")
    #expect(
      run(arguments + ["--trace-components", "-1"])
        == "The value '-1' is invalid for '--trace-components <trace-components>': expected an integer ≥ 0")
  }

  /// The progress table keeps a bounded, evenly spaced set of rows however long the run.
  @Test func progressRowsAreBounded() {
    var rows = ProgressRows<Double>(capacity: 64)
    for k in 0...100_000 {
      rows.add(
        TraceRow(
          iteration: k, gradientEvaluations: k, valueEvaluations: 0, value: 0, error: nil, gradientNorm: 0,
          stepSizes: nil, weights: []))
    }
    let kept = rows.rows.map(\.iteration)
    #expect(kept.count <= 66)
    #expect(kept.first == 0 && kept.last == 100_000)
    let gaps = Set(zip(kept.dropLast(), kept.dropFirst()).dropLast().map { $1 - $0 })
    #expect(gaps.count == 1)
  }
}
