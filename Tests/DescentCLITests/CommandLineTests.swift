import ArgumentParser
import Descent
import DescentProblems
import Foundation
import Testing

@testable import DescentCLI

/// The tool's commands, parsed and run in-process.
@Suite struct CommandLineTests {
  func failure(_ arguments: [String]) -> String? { runTool(arguments) }

  @Test(arguments: [
    (["run", "--horizon", "0"], "invalid horizon 0 for csawg-safeguarded: expected an integer ≥ 1"),
    (["run", "--planning-steps", "0"], "invalid planning-steps 0 for csawg-safeguarded: expected an integer ≥ 1"),
    (["run", "--corrections", "-1"], "invalid corrections -1 for csawg-safeguarded: expected an integer ≥ 0"),
    (["run", "--learning-rate", "0"], "invalid learning-rate 0 for csawg-safeguarded: expected a finite number > 0"),
    (
      ["run", "--learning-rate", "nan"], "invalid learning-rate nan for csawg-safeguarded: expected a finite number > 0"
    ),
    (["run", "--start", "1,2,3"], "start has 3 entries, but the problem has dimension 2"),
    (["run", "--start", "1,inf"], "start[1] is inf: every entry must be finite"),
    (
      ["run", "--problem", "mnist1d-mlp", "--set", "valdation-rows=3"],
      "mnist1d-mlp has no setting 'valdation-rows': did you mean 'validation-rows'? it takes batch-size, seed, validation-rows"
    ),
    // One path for two outputs: refused before either is opened.
    (
      [
        "run", "--problem", "breast-cancer-heldout", "--epochs", "1", "--trace", "same.csv", "--checkpoint",
        "./same.csv",
      ],
      "--trace and --checkpoint are both ./same.csv: give each output its own file"
    ),
    (
      ["run", "--trace", "one.npy", "--iterates", "one.npy"],
      "--trace and --iterates are both one.npy: give each output its own file"
    ),
    // A schedule whose decay ends within its warm-up (optax refuses it too).
    (
      ["run", "--optimizer", "adamw", "--warmup-steps", "10", "--decay-steps", "10"],
      "invalid decay-steps 10 for adamw: expected 0 (no decay) or more than the 10 warm-up steps"
    ),
    (
      ["run", "--optimizer", "momentum", "--warmup-steps", "10", "--decay-steps", "5"],
      "invalid decay-steps 5 for momentum: expected 0 (no decay) or more than the 10 warm-up steps"
    ),
    (["run", "--start", "1,x"], "invalid start 1,x: expected comma-separated numbers, e.g. -1,0"),
    (
      ["run", "--optimizer", "adamax"],
      "unknown optimizer 'adamax': did you mean 'adam'? (known: \(OptimizerCatalog.names.joined(separator: ", ")))"
    ),
    (
      ["run", "--problem", "himmelblau"],
      "unknown problem 'himmelblau' (known: \(ProblemCatalog.names.joined(separator: ", ")))"
    ),
    (["run", "--optimizer", "gd", "--horizon", "2"], "gd has no setting 'horizon': it takes learning-rate"),
    (["run", "--optimizer", "gd:learnin-rate=0.1"], "gd has no setting 'learnin-rate': did you mean 'learning-rate'?"),
    (["run", "--optimizer", "gd:learning-rate=abc"], "invalid learning-rate abc for gd: expected a finite number > 0"),
    (["run", "--set", "b=-1"], "invalid b -1: expected a finite number > 0"),
    // Values as typed, never rounded; specifications and repeats named.
    (
      ["run", "--optimizer", "lookahead:inner=gd:learning-rate=-1"],
      "invalid learning-rate -1 for gd (inside lookahead): expected a finite number > 0"
    ),
    (
      ["run", "--optimizer", "lookahead:inner=gd:momentum=0.5"],
      "neither lookahead nor its inner gd has a setting 'momentum': lookahead takes inner, sync-period, slow-step-size; gd takes learning-rate"
    ),
    (
      ["run", "--optimizer", "adam", "--beta2", "0.99999999999999999"],
      "invalid beta2 0.99999999999999999 for adam: expected a number in [0, 1)"
    ),
    (
      ["run", "--progress-rows", "-1"],
      "The value '-1' is invalid for '--progress-rows <progress-rows>': expected an integer ≥ 2"
    ),
    (["run", "--error-tolerance", "-1e-3"], "invalid error-tolerance -1e-3: expected a finite number ≥ 0"),
    (
      ["run", "--optimizer", "lookahead", "--inner", "bogus"],
      "invalid inner bogus for lookahead: expected an optimizer lookahead can wrap: \(OptimizerCatalog.types(Double.self).map { $0.catalogName }.joined(separator: ", "))"
    ),
    (
      ["run", "--optimizer", "lookahead", "--inner", "lookahead"],
      "invalid inner lookahead for lookahead: expected an optimizer lookahead can wrap: \(OptimizerCatalog.types(Double.self).map { $0.catalogName }.joined(separator: ", "))"
    ),
    (
      ["compare", "--optimizers", ":horizon=2"],
      "':horizon=2' has no optimizer name before its settings: expected name[:setting=value…]"
    ),
    (
      ["compare", "--optimizers", ""],
      "--optimizers '' names no optimizer: expected name[:setting=value…], separated by commas"
    ),
    (
      ["compare", "--optimizers", "csawg:horizon=2:horizon=3"],
      "horizon is given twice in 'csawg:horizon=2:horizon=3': give each setting once"
    ),
    (["run", "--set", "a=1", "--set", "a=2"], "a is given twice in --set: give each setting once"),
    (
      ["run", "--optimizer", "adamw", "--warmup-epochs", "2"],
      "--warmup-epochs applies to a training problem, which counts epochs: give --warmup-steps"
    ),
    (
      ["run", "--problem", "mnist1d-logistic", "--optimizer", "adamw", "--decay-epochs", "-1"],
      "invalid decay-epochs -1: expected a number of epochs ≥ 0"
    ),
    (
      ["run", "--problem", "mnist1d-logistic", "--optimizer", "adamw", "--decay-epochs", "2", "--decay-steps", "80"],
      "--decay-epochs and --decay-steps are one setting: give one of them"
    ),
    (
      ["run", "--problem", "mnist1d-mlp", "--optimizer", "adamw", "--set", "weight-decay=0.01"],
      "mnist1d-mlp has no setting 'weight-decay': it is adamw's, given as --weight-decay 0.01 (--set is the problem's)"
    ),
    (
      ["run", "--optimizer", "csawg", "--horizon", "9223372036854775807"],
      "invalid horizon 9223372036854775807: expected a size that fits in memory: 2K·d + 4d numbers at d = 2 are more than an Int counts"
    ),
    (
      ["run", "--optimizer", "lbfgs", "--memory", "9223372036854775807"],
      "invalid memory 9223372036854775807: expected a size that fits in memory: 2m·d + 4d + 2m numbers at d = 2 are more than an Int counts"
    ),
    (
      ["run", "--epochs", "3"],
      "--epochs applies to a training problem (mnist1d-logistic, mnist1d-mlp, mnist1d-cnn, digits-network-heldout, breast-cancer-heldout), not rosenbrock"
    ),
    (
      ["run", "--problem", "mnist1d-logistic", "--epochs", "0"],
      "The value '0' is invalid for '--epochs <epochs>': expected an integer ≥ 1"
    ),
    (
      ["run", "--problem", "mnist1d-logistic", "--epochs", "2.5"],
      "The value '2.5' is invalid for '--epochs <epochs>': expected an integer ≥ 1"
    ),
    (["study", "s.yaml", "--jobs", "two"], "The value 'two' is invalid for '--jobs <jobs>': expected an integer ≥ 1"),
    (
      ["run", "--problem", "mnist1d-logistic", "--trace-components", "3"],
      "--trace-components does not apply to a training problem, which runs by --epochs and --max-evaluations"
    ),
    (
      ["run", "--problem", "breast-cancer-heldout", "--max-evaluations", "9223372036854775807"],
      "invalid max-evaluations 9223372036854775807: expected a size that fits in memory: a record of 8 numbers for each of the 2305843009213693952 epochs it pays for are more than an Int counts"
    ),
    (
      ["run", "--problem", "breast-cancer-heldout", "--max-evaluations", "-5"],
      "The value '-5' is invalid for '--max-evaluations <max-evaluations>': expected an integer ≥ 0"
    ),
    (
      ["run", "--problem", "breast-cancer-heldout", "--epochs", "9223372036854775807"],
      "invalid epochs 9223372036854775807: expected a size that fits in memory: a record of 8 numbers for each of 9223372036854775807 epochs are more than an Int counts"
    ),
    (
      ["run", "--problem", "mnist1d-logistic", "--max-iterations", "10"],
      "--max-iterations does not apply to a training problem, which runs by --epochs and --max-evaluations"
    ),
    (
      ["run", "--problem", "mnist1d-cnn", "--set", "batch-size=4001"],
      "invalid batch-size 4001: expected an integer from 1 to the 4000 rows"
    ),
    (
      ["run", "--set", "dimension=9223372036854775807"],
      "invalid dimension 9223372036854775807: expected a size that fits in memory: a run's 6 vectors of d numbers are more than an Int counts"
    ),
  ])
  func badInputNamesTheValue(arguments: [String], message: String) {
    #expect(failure(arguments) == message)
  }

  /// `profile` on a training study says what to run instead, and writes nothing.
  @Test func profileRefusesATrainingStudy() throws {
    let results = try CommittedStudy.unpacked("study/training-digits")
    defer { try? FileManager.default.removeItem(atPath: results) }
    let output = NSTemporaryDirectory() + "descent-profiles-\(UUID().uuidString)"
    #expect(
      failure(["profile", results, "--output", output])
        == "\(results) holds 95 training runs (test accuracy by epoch), which profiles cannot measure: run 'descent curves \(results) --output DIR'"
    )
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  /// A folder that holds its results compressed only, as a clone's study folders do,
  /// says how to unpack them.
  @Test func compressedResultsSayHowToUnpack() throws {
    let folder = NSTemporaryDirectory() + "descent-packed-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(FileManager.default.createFile(atPath: "\(folder)/results.jsonl.gz", contents: Data()))
    let message =
      "\(folder)/results.jsonl.gz is compressed: unpack it first ('sh study/data.sh unpack' in a clone, or 'gunzip -k \(folder)/results.jsonl.gz')"
    #expect(failure(["curves", folder, "--output", "\(folder)/curves"]) == message)
    #expect(failure(["curves", "\(folder)/results.jsonl.gz", "--output", "\(folder)/curves"]) == message)
    #expect(failure(["profile", "\(folder)/results.jsonl", "--output", "\(folder)/profiles"]) == message)
    // A sweep beside them would start from nothing: it is refused until they are unpacked.
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().path
    #expect(
      failure(["study", "\(root)/study/suite.yaml", "--quick", "--output", folder, "--quiet"])
        == "\(folder)/results.jsonl.gz holds this folder's results compressed: unpack them first ('sh study/data.sh unpack' in a clone), and the sweep resumes from them; or give another --output"
    )
    #expect(!FileManager.default.fileExists(atPath: "\(folder)/results.jsonl"))
  }

  /// `study --help` says each default once.
  @Test func studyHelpSaysTheJobsDefaultOnce() {
    let help = StudyCommand.helpMessage(columns: 200)
    #expect(help.contains("Runs at once (default: every core).") && !help.contains("every core). (default"))
  }

  /// The shell completes methods, problems, their settings and files of the right kind.
  @Test(arguments: [CompletionShell.bash, .zsh, .fish])
  func completionKnowsTheCatalog(shell: CompletionShell) {
    let script = DescentCommand.completionScript(for: shell)
    for word in ["csawg-safeguarded", "extended-rosenbrock", "learning-rate", "dimension=", "yaml", "csv"] {
      #expect(script.contains(word), "\(shell): \(word)")
    }
  }

  /// A size beyond the memory this process may use (which moves as other processes
  /// run) names the size and what limits it.
  @Test func aStateBeyondMemoryNamesTheLimit() {
    let message = failure(["run", "--optimizer", "csawg", "--horizon", "1000000000"])
    #expect(
      message?.hasPrefix(
        "invalid horizon 1000000000: expected a size that fits in memory: 2K·d + 4d numbers at d = 2 take 29.8 GiB; "
          + "this process may use ") == true, "\(message ?? "")")
  }

  /// Every setting of every method, from the catalog, reaches it under its own name,
  /// as a flag and inside the specification; no setting has code of its own here.
  @Test func everySettingReachesTheCatalogUnderItsName() throws {
    for type in OptimizerCatalog.listed(Double.self) { try expectSettingsReachTheCatalog(type) }
  }

  func expectSettingsReachTheCatalog<Method: Cataloged>(_: Method.Type) throws {
    let name = Method.catalogName
    for setting in Method.catalogEntry.settings where !setting.isInner {
      let flag = try MethodOptions.parse(["--optimizer", name, "--\(setting.name)", "-7"]).specification()
      #expect(flag.name == name && flag.settings == [setting.name: "-7"], "\(name) --\(setting.name)")
      let spec = try MethodOptions.parse(["--optimizer", "\(name):\(setting.name)=7"]).specification()
      #expect(spec.settings == [setting.name: "7"], "\(name):\(setting.name)=7")
      #expect(MethodOptions.settingsHelp.contains("--\(setting.name)  \(setting.symbol)"))
    }
  }

  @Test(arguments: OptimizerCatalog.names)
  func everyOptimizerRuns(_ name: String) {
    let arguments = [
      "run", "--optimizer", name, "--problem", "quadratic", "--set", "curvatures=1,2", "--max-iterations", "30",
      "--progress-rows", "2",
    ]
    #expect(failure(arguments) == nil)
  }

  @Test func compareRunsEachSpecification() {
    #expect(
      failure(["compare", "--optimizers", "gd,csawg:planning-steps=5:corrections=10", "--max-evaluations", "500"])
        == nil)
    #expect(
      failure(["compare", "--optimizers", "csawg:horizon"]) == "'horizon' in 'csawg:horizon' is not setting=value")
    #expect(
      failure(["compare", "--optimizers", "csawg:horizon=0"]) == "invalid horizon 0 for csawg: expected an integer ≥ 1")
  }

  /// `problem`, the default `descent list` shows for f*, is accepted as typed.
  @Test func minimumValueProblemIsTheDefault() {
    #expect(failure(["run", "--optimizer", "polyak", "--minimum-value", "problem", "--max-iterations", "3"]) == nil)
    #expect(failure(["run", "--optimizer", "sps", "--minimum-value", "0", "--max-iterations", "3"]) == nil)
  }

  /// Budgets hold inside a step: a huge planning event stops at --max-evaluations.
  @Test(arguments: ["1000000", "9223372036854775807"])
  func hugePlanningStopsAtTheBudget(_ steps: String) {
    #expect(failure(["run", "--planning-steps", steps, "--max-evaluations", "100"]) == nil)
    #expect(failure(["compare", "--optimizers", "csawg:corrections=\(steps)", "--max-evaluations", "200"]) == nil)
  }

  @Test func runWritesTheTrace() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("descent-trace-\(UUID()).csv").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(
      failure([
        "run", "--optimizer", "csawg", "--horizon", "2", "--planning-steps", "5", "--corrections", "10",
        "--max-evaluations", "1000",
        "--error-tolerance", "0", "--trace", path,
      ]) == nil)
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    #expect(lines.first?.hasPrefix("iteration,gradient_evaluations,value_evaluations,f,error") == true)
    #expect(lines.count == 1 + 19)  // rows 0…18
    #expect(lines.last?.hasPrefix("18,458,") == true)
  }

  @Test func reproduceMakesOneFigure() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect(failure(["reproduce", "--figure", "7a", "--output", directory, "--quiet"]) == nil)
    let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    #expect(files == ["figure-7a.csv", "figure-7a.svg"])
    #expect(
      failure(["reproduce", "--figure", "10"])
        == "unknown figure '10' (known: 2, 3a, 3b, 4, 5a, 5b, 6, 7a, 7b, 8, 9, S1)"
    )
  }

}
