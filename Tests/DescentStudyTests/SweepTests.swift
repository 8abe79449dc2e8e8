import Descent
import DescentProblems
import DescentStudy
import Foundation
import Testing

@Suite struct SweepTests {
  static let specification = """
    budget: 60
    seeds: [0, 1]
    problems:
      - name: mgh-rosenbrock
      - name: diagonal-quadratic
        settings: {dimension: 20, condition: [1e2, 1e4]}
    methods:
      - name: gd
        settings: {learning-rate: [1e-3, 1e-2]}
      - name: lbfgs
        label: l-bfgs
    quick: {problems: [mgh-rosenbrock], methods: [gd], budget: 10}
    """

  func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "descent-study-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  func specification(in folder: String) throws -> StudySpecification {
    let path = folder + "/spec.yaml"
    try Self.specification.write(toFile: path, atomically: true, encoding: .utf8)
    return try StudySpecification.read(path)
  }

  /// Grids expand in setting-name order, each method also at its defaults unless a grid
  /// point is that (gd's 1e-3 is its default 0.001), seeds only where the problem has
  /// randomness; the quick subset is a subset.
  @Test func runsExpandInAFixedOrder() throws {
    let runs = try specification(in: temporaryFolder()).runs()
    // mgh-rosenbrock: 2 gd rates (1e-3 the default) + lbfgs = 3, no seed;
    // diagonal-quadratic: 2 conditions × 3 × 2 seeds = 12.
    #expect(runs.count == 15)
    #expect(runs.map(\.index) == Array(0..<15))
    #expect(runs[0].method.settings == ["learning-rate": "1e-3"] && runs[0].method.isDefault && runs[0].seed == nil)
    #expect(runs[1].method.settings == ["learning-rate": "1e-2"] && !runs[1].method.isDefault)
    #expect(runs[2].method.label == "l-bfgs")
    #expect(runs[3].problem.settings == ["condition": "1e2", "dimension": "20", "seed": "0"])
    #expect(runs[4].problem.settings["seed"] == "1")
    #expect(Set(runs.map(\.id)).count == runs.count)
    let quick = try specification(in: temporaryFolder()).runs(quick: true)
    #expect(quick.count == 2 && quick.allSatisfy { $0.budget == 10 && $0.method.name == "gd" })
  }

  /// A problem without randomness runs once whatever the seeds: the full-batch
  /// regression; its stochastic mode and the network (whose seed draws its start) once
  /// per seed.
  @Test func seedsMultiplyOnlyRandomProblems() throws {
    let folder = try temporaryFolder()
    try """
    budget: 5
    seeds: [0, 1, 2]
    problems:
      - name: breast-cancer-logistic
      - {name: breast-cancer-logistic, settings: {batch-size: 32}}
      - name: digits-tanh-network
      - name: beale
    methods: [{name: gd}]
    """.write(toFile: folder + "/s.yaml", atomically: true, encoding: .utf8)
    let runs = try StudySpecification.read(folder + "/s.yaml").runs()
    #expect(runs.map { $0.seed.map(Int.init) ?? -1 } == [-1, 0, 1, 2, 0, 1, 2, -1])
  }

  /// Unknown keys and settings are errors naming them and where they stand; a YAML
  /// error gives its line and column; a grid of too many runs is refused before it is
  /// listed.
  @Test(arguments: [
    (
      "budget: 5\nseed: [0]\nproblems: [{name: beale}]\nmethods: [{name: gd}]",
      "unknown key 'seed' at the top: did you mean 'seeds'?"
    ),
    (
      "budget: 5\nproblems: [{name: beale}]\nmethods: [{name: gd, setting: {learning-rate: 1}}]",
      "unknown key 'setting' in methods[0]: did you mean 'settings'?"
    ),
    ("budget: 5\nproblems: [{name: beale, label: b}]\nmethods: [{name: gd}]", "unknown key 'label' in problems[0]"),
    (
      "budget: 5\nproblems: [{name: beale}]\nmethods: [{name: gd, settings: {learnig-rate: 1}}]",
      "gd has no setting 'learnig-rate': did you mean 'learning-rate'?"
    ),
    ("budget: 5\nproblems:\n  - name: beale\n   bad: [\nmethods: []", "YAML error at line 4, column 4"),
    ("budget: fifty\nproblems: [{name: beale}]\nmethods: [{name: gd}]", "expected an integer at budget; found fifty"),
    ("budget: 5\nproblems: [{name: beal}]\nmethods: [{name: gd}]", "unknown problem 'beal': did you mean 'beale'?"),
    (
      "budget: 5\nproblems: [{name: beale}]\nmethods: [{name: gd}, {name: gd, label: g2}]",
      "the method gd is given twice (as gd and g2)"
    ),
    ("  \n", "is empty: a specification has a budget, problems and methods"),
    ("budget: 5\nseeds: 3\nproblems: [{name: beale}]\nmethods: [{name: gd}]", "expected a list at seeds; found 3"),
    (
      "budget: 5\nproblems: [{name: beale}]\nmethods: {name: gd}",
      "expected a list at methods; found a mapping (keys: values)"
    ),
    (
      "budget: 5\nproblems: [{name: beale}]\nmethods: [{name: gd, settings: {learning-rate: [1e-3, -1e-2]}}]",
      "methods: gd with learning-rate=-1e-2: invalid learning-rate -1e-2: expected a finite number > 0; nothing was run"
    ),
    (
      "budget: 5\nproblems: [{name: beale}]\nmethods: [{name: adamw, settings: {warmup-steps: [0, 10], decay-steps: [10, 100]}}]",
      "methods: adamw with decay-steps=10 warmup-steps=10"
    ),
    (
      "budget: 5\nprecision: half\nproblems: [{name: beale}]\nmethods: [{name: gd}]",
      "invalid precision 'half': expected float or double"
    ),
  ])
  func badSpecificationsAreNamed(text: String, message: String) throws {
    try expectRefused(text, message)
  }

  /// `precision: float` makes every run in Float, under ids of their own; a run in
  /// Double is written as before the key existed (its line and id unchanged).
  @Test func aStudyChoosesItsPrecision() throws {
    let folder = try temporaryFolder()
    let text =
      "budget: 50\nproblems: [{name: rosenbrock}]\nmethods: [{name: gd, settings: {learning-rate: 1e-3}, defaults: false}]"
    try text.write(toFile: folder + "/d.yaml", atomically: true, encoding: .utf8)
    try ("precision: float\n" + text).write(toFile: folder + "/f.yaml", atomically: true, encoding: .utf8)
    let double = try StudySpecification.read(folder + "/d.yaml").runs()[0]
    let float = try StudySpecification.read(folder + "/f.yaml").runs()[0]
    #expect(double.precision == .double && float.precision == .float && double.id != float.id)
    let line = String(decoding: try JSONEncoder().encode(double), as: UTF8.self)
    #expect(!line.contains("precision"))
    #expect(try JSONDecoder().decode(StudyRun.self, from: JSONEncoder().encode(float)).precision == .float)
    // The same 50 steps of gd, in each arithmetic: the values part in their last digits.
    let (inDouble, _) = try StudyRunner().run(double)
    let (inFloat, _) = try StudyRunner().run(float)
    var gd = try GradientDescent<Float>(learningRate: 1e-3)
    let expected = try minimize(
      try Rosenbrock<Float>(), from: [-1, 0], using: &gd,
      until: .init(maxIterations: nil, maxGradientEvaluations: 50, maxValueEvaluations: nil))
    #expect(inFloat.finalValue == Double(expected.value))
    #expect(inFloat.finalValue != inDouble.finalValue)
  }

  /// A grid of more runs than a specification makes is refused before any is listed (a
  /// case of its own: as an argument its text would fill the test log).
  @Test func aHugeGridIsRefused() throws {
    let dimensions = (1...5_000).map { String(2 * $0) }.joined(separator: ",")
    let rates = (1...3_000).map { "\($0)e-9" }.joined(separator: ",")
    try expectRefused(
      "budget: 5\nproblems: [{name: extended-rosenbrock, settings: {dimension: [\(dimensions)]}}]\n"
        + "methods: [{name: gd, settings: {learning-rate: [\(rates)]}}]",
      "runs; a specification makes at most 10000000: split it")
  }

  private func expectRefused(_ text: String, _ message: String) throws {
    let folder = try temporaryFolder()
    try text.write(toFile: folder + "/s.yaml", atomically: true, encoding: .utf8)
    let error = #expect(throws: StudyError.self) {
      let specification = try StudySpecification.read(folder + "/s.yaml")
      _ = try specification.check()
      _ = try specification.runs()
    }
    #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
  }

  /// Settings are recorded with their type: numbers as JSON numbers, read back as text.
  @Test func settingsAreRecordedAsNumbers() throws {
    let run = StudyRun(
      index: 0, problem: .init(name: "beale", settings: [:]),
      method: .init(name: "bb", settings: ["initial-step-size": "1e-2", "formula": "bb1", "memory": "10"]),
      seed: nil, budget: 5)
    let line = try StudyJSON.line(run)
    #expect(line.contains("\"settings\":{\"formula\":\"bb1\",\"initial-step-size\":0.01,\"memory\":10}"))
    let read = try StudyJSON.decoder.decode(StudyRun.self, from: Data(line.utf8))
    #expect(read.method.settings == ["initial-step-size": "0.01", "formula": "bb1", "memory": "10"])
  }

  /// FNV-1a's published test vectors: the ids do not depend on the platform.
  @Test func idsAreFNV1a() throws {
    let run = StudyRun(
      index: 0, problem: .init(name: "beale", settings: [:]), method: .init(name: "gd", settings: [:]), seed: nil,
      budget: 10)
    #expect(run.id.count == 16 && run.id.allSatisfy(\.isHexDigit))
    #expect(StudyRun.fnv1aForTesting("a") == "af63dc4c8601ec8c")
    #expect(StudyRun.fnv1aForTesting("foobar") == "85944171f73967e8")
  }

  @Test func unknownNamesAreRefused() throws {
    let folder = try temporaryFolder()
    let path = folder + "/bad.yaml"
    try "budget: 5\nproblems: [{name: himmelblau}]\nmethods: [{name: gd}]\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    #expect(throws: StudyError.self) { try StudySpecification.read(path).runs() }
    try "budget: five\nproblems: []\nmethods: []\n".write(toFile: path, atomically: true, encoding: .utf8)
    #expect(throws: StudyError.self) { try StudySpecification.read(path) }
  }

  /// A sweep run in pieces (a first shard, then the rest) writes the same bytes as one
  /// run straight through, on one job or two; a second run adds nothing.
  @Test func resumedAndParallelSweepsWriteTheSameBytes() throws {
    let folder = try temporaryFolder()
    let runs = try specification(in: folder).runs()
    func sweep(_ name: String, jobs: Int, shard: StudySweep.Shard? = nil) throws {
      let sweep = try StudySweep(
        runs: runs, shard: shard, results: "\(folder)/\(name).jsonl", timing: "\(folder)/\(name)-timing.jsonl")
      try sweep.run(jobs: jobs) { _ in }
    }
    try sweep("straight", jobs: 1)
    try sweep("parallel", jobs: 2)
    let straight = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/straight.jsonl"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/parallel.jsonl")) == straight)
    #expect(straight.split(separator: UInt8(ascii: "\n")).count == runs.count)
    // Again: everything is recorded, nothing is added.
    let again = try StudySweep(
      runs: runs, shard: nil, results: "\(folder)/straight.jsonl", timing: "\(folder)/straight-timing.jsonl")
    #expect(again.runs.isEmpty && again.recorded == runs.count)
    // Merged shards equal the straight sweep.
    for index in 0..<3 { try sweep("shard-\(index)", jobs: 1, shard: StudySweep.Shard(index: index, count: 3)) }
    let merged = try StudyMerge.merge((0..<3).map { "\(folder)/shard-\($0).jsonl" })
    let text = try merged.map { try StudyJSON.line($0) + "\n" }.joined()
    #expect(Data(text.utf8) == straight)
  }

  @Test func mergeRefusesDisagreeingDuplicates() throws {
    let folder = try temporaryFolder()
    let runs = Array(try specification(in: folder).runs().prefix(2))
    let sweep = try StudySweep(runs: runs, shard: nil, results: "\(folder)/a.jsonl", timing: "\(folder)/t.jsonl")
    try sweep.run(jobs: 1) { _ in }
    let text = try String(contentsOfFile: "\(folder)/a.jsonl", encoding: .utf8)
    try text.replacingOccurrences(of: "\"termination\":\"", with: "\"termination\":\"x").write(
      toFile: "\(folder)/b.jsonl", atomically: true, encoding: .utf8)
    #expect(throws: StudyError.self) { try StudyMerge.merge(["\(folder)/a.jsonl", "\(folder)/b.jsonl"]) }
    #expect(try StudyMerge.merge(["\(folder)/a.jsonl", "\(folder)/a.jsonl"]).count == 2)
  }

  @Test func shardsComeFromTheScheduler() throws {
    let slurm = try StudySweep.Shard.fromEnvironment(
      ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "1"], count: nil)
    #expect(slurm == (try StudySweep.Shard(index: 2, count: 4)))
    let kubernetes = try StudySweep.Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "1"], count: 8)
    #expect(kubernetes == (try StudySweep.Shard(index: 1, count: 8)))
    #expect(throws: StudyError.self) { try StudySweep.Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "1"], count: nil) }
    #expect(throws: StudyError.self) { try StudySweep.Shard(parsing: "4/4") }
    #expect(try StudySweep.Shard.fromEnvironment([:], count: nil) == nil)
  }
}

extension SweepTests {
  /// A method's defaults keep its single-valued settings and leave the grid's at their
  /// defaults; a problem may have its own budget and seeds.
  @Test func defaultsKeepWhatIsNotTuned() throws {
    let folder = try temporaryFolder()
    let path = folder + "/spec.yaml"
    try """
    budget: 50
    problems:
      - {name: diagonal-quadratic, budget: 7, seeds: [4]}
    methods:
      - {name: csawg, label: csawg-k5, settings: {horizon: 5, learning-rate: [1e-3, 1e-2]}}
    """.write(toFile: path, atomically: true, encoding: .utf8)
    let runs = try StudySpecification.read(path).runs()
    #expect(
      runs.map(\.method.settings) == [
        ["horizon": "5", "learning-rate": "1e-3"], ["horizon": "5", "learning-rate": "1e-2"],
      ])
    #expect(runs.map(\.method.isDefault) == [true, false])
    #expect(runs.allSatisfy { $0.budget == 7 && $0.seed == 4 })
  }
}

extension SweepTests {
  /// A method that cannot run on a problem (Polyak's step needs f*, and nobody knows the
  /// network's) is recorded as refused, and the sweep goes on.
  @Test func refusedRunsAreResults() throws {
    let folder = try temporaryFolder()
    let path = folder + "/spec.yaml"
    try """
    budget: 3
    problems: [{name: digits-tanh-network, seeds: [0]}, {name: beale}]
    methods: [{name: polyak}]
    """.write(toFile: path, atomically: true, encoding: .utf8)
    let runs = try StudySpecification.read(path).runs()
    let sweep = try StudySweep(runs: runs, shard: nil, results: "\(folder)/r.jsonl", timing: "\(folder)/t.jsonl")
    try sweep.run(jobs: 1) { _ in }
    let (results, _) = try ResultsFile.read(StudyResult.self, from: "\(folder)/r.jsonl")
    #expect(results.count == 2)
    guard case .refused(let reason) = results[0].termination else {
      Issue.record("run 0 ended \(results[0].termination), not refused")
      return
    }
    #expect(reason.contains("minimumValue"))
    #expect(results[0].termination.description == "refused: " + reason)
    #expect(results[0].evaluations.gradient == 0)
    if case .refused = results[1].termination { Issue.record("run 1 was refused") }
  }
}

extension SweepTests {
  /// Every termination a results file holds reads back to itself, and text that is none
  /// is refused.
  @Test func terminationsReadAsWritten() throws {
    let texts = Termination.allCases.map(\.rawValue) + ["solved", "refused: invalid x 1: expected …"]
    for text in texts {
      let data = try StudyJSON.encoder.encode([try #require(StudyTermination(text))])
      #expect(String(decoding: data, as: UTF8.self) == "[\"\(text)\"]")
      #expect(try StudyJSON.decoder.decode([StudyTermination].self, from: data).first?.description == text)
    }
    #expect(StudyTermination("maxGradientEvaluations") == nil && StudyTermination("refused") == nil)
    #expect(
      StudyTermination("non-finite-iterate")?.isNonFinite == true && StudyTermination("solved")?.isNonFinite == false)
  }

  /// A non-finite epoch loss is written as the other non-finite numbers are, and read
  /// back; a null (files before the change) reads as nan.
  @Test func nonFiniteEpochLossesAreStrings() throws {
    let line = "[[1,0,\"inf\",\"nan\",0.1]]"
    let read = try StudyJSON.decoder.decode([StudyResult.Epoch].self, from: Data(line.utf8))
    #expect(read[0].trainingLoss == .infinity && read[0].testLoss.isNaN)
    #expect(try StudyJSON.line(read) == line)
    let old = try StudyJSON.decoder.decode([StudyResult.Epoch].self, from: Data("[[1,0,null,null,0.1]]".utf8))[0]
    #expect(old.trainingLoss.isNaN && old.testLoss.isNaN)
  }

  /// A last line cut short by a crash (or a full disk) is cut off when the file is
  /// opened again: the resumed file is whole JSON lines, the bytes of a sweep never
  /// stopped, and the cut-short run is run again.
  @Test func aCutShortLastLineIsCutOff() throws {
    let folder = try temporaryFolder()
    let runs = Array(try specification(in: folder).runs().prefix(2))
    let straight = try StudySweep(runs: runs, shard: nil, results: "\(folder)/s.jsonl", timing: "\(folder)/st.jsonl")
    try straight.run(jobs: 1) { _ in }
    let whole = try String(contentsOfFile: "\(folder)/s.jsonl", encoding: .utf8)
    let first = String(whole.prefix { $0 != "\n" }) + "\n"
    let path = "\(folder)/r.jsonl"
    try (first + "{\"id\":\"cut").write(toFile: path, atomically: true, encoding: .utf8)
    let sweep = try StudySweep(runs: runs, shard: nil, results: path, timing: "\(folder)/t.jsonl")
    #expect(sweep.damagedLines == 0 && sweep.runs.count == 1)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == first)
    try sweep.run(jobs: 1) { _ in }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == whole)
  }

  /// A second writer is refused while a first holds the results file; the lock goes
  /// with the process (or here, the file's last reference).
  @Test func aSecondWriterIsRefused() throws {
    let folder = try temporaryFolder()
    let runs = Array(try specification(in: folder).runs().prefix(2))
    var first: StudySweep? = try StudySweep(
      runs: runs, shard: nil, results: "\(folder)/r.jsonl", timing: "\(folder)/t.jsonl")
    #expect(throws: StudyError.self) {
      try StudySweep(runs: runs, shard: nil, results: "\(folder)/r.jsonl", timing: "\(folder)/t.jsonl")
    }
    #expect(first != nil)
    first = nil
    _ = try StudySweep(runs: runs, shard: nil, results: "\(folder)/r.jsonl", timing: "\(folder)/t.jsonl")
  }

  /// A results file of another specification is refused before any run, naming a
  /// run it holds; a folder records its specification, and another is refused with
  /// the first run that differs.
  @Test func anotherSpecificationIsRefused() throws {
    let folder = try temporaryFolder()
    let specification = try specification(in: folder)
    let runs = try specification.runs()
    do {
      let sweep = try StudySweep(runs: runs, shard: nil, results: "\(folder)/r.jsonl", timing: "\(folder)/t.jsonl")
      try sweep.run(jobs: 1) { _ in }
    }
    try SweepRecord(specification: specification, quick: false, runs: runs).claim(folder: folder)
    var other = specification
    other.budget += 1
    let otherRuns = try other.runs()
    let refusal = #expect(throws: StudyError.self) {
      try StudySweep(runs: otherRuns, shard: nil, results: "\(folder)/r.jsonl", timing: "\(folder)/t.jsonl")
    }
    #expect(refusal?.description.contains("which this specification does not") == true)
    let differs = #expect(throws: StudyError.self) {
      try SweepRecord(specification: other, quick: false, runs: otherRuns).claim(folder: folder)
    }
    #expect(differs?.description.contains("run 0 is") == true)
    try SweepRecord(specification: specification, quick: false, runs: runs).claim(folder: folder)
  }

  /// A folder whose results files hold no line (a sweep stopped or refused before its
  /// first run) is taken by the next specification.
  @Test func aFolderWithNoResultsIsNobodys() throws {
    let folder = try temporaryFolder()
    let specification = try specification(in: folder)
    try SweepRecord(specification: specification, quick: false, runs: try specification.runs()).claim(folder: folder)
    #expect(FileManager.default.createFile(atPath: "\(folder)/results.jsonl", contents: Data()))
    #expect(!SweepRecord.holdsResults(folder))
    var other = specification
    other.budget += 1
    let otherRuns = try other.runs()
    try SweepRecord(specification: other, quick: false, runs: otherRuns).claim(
      folder: folder, holdsResults: SweepRecord.holdsResults(folder))
    try "{}\n".write(toFile: "\(folder)/results.jsonl", atomically: true, encoding: .utf8)
    #expect(SweepRecord.holdsResults(folder))
    #expect(throws: StudyError.self) {
      try SweepRecord(specification: specification, quick: false, runs: try specification.runs()).claim(
        folder: folder, holdsResults: SweepRecord.holdsResults(folder))
    }
  }
}

/// The committed study is one sweep of `study/suite.yaml`: its lines are the runs of the
/// specification in the sweep's order, so a rerun's file is the same bytes (`cmp`).
@Suite struct CommittedStudyTests {
  /// `--check` counts the runs the sweep lists, without listing them.
  @Test(arguments: [false, true])
  func checkCountsTheRuns(quick: Bool) throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().path
    let specification = try StudySpecification.read("\(root)/study/suite.yaml")
    let runs = try specification.runs(quick: quick)
    let checked = try specification.check(quick: quick)
    #expect(checked.runs == runs.count)
    #expect(checked.methods == Set(runs.map(\.method.text)).count)
  }

  @Test func resultsAreTheSweepInOrder() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().path
    let runs = try StudySpecification.read("\(root)/study/suite.yaml").runs()
    let unpacked = try CommittedStudy.unpacked("study/results")
    defer { try? FileManager.default.removeItem(atPath: unpacked) }
    let (results, skipped) = try ResultsFile.read(StudyResult.self, from: "\(unpacked)/results.jsonl")
    #expect(skipped == 0)
    #expect(results.map(\.id) == runs.map(\.id))
    #expect(results.map(\.run.index) == Array(runs.indices))
    let record = try StudyJSON.decoder.decode(
      SweepRecord.self, from: Data(contentsOf: URL(fileURLWithPath: "\(root)/study/results/specification.json")))
    #expect(
      record
        == SweepRecord(specification: try StudySpecification.read("\(root)/study/suite.yaml"), quick: false, runs: runs)
    )
  }
}
