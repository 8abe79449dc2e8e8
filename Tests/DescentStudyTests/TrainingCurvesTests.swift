import Descent
import DescentPlot
import DescentProblems
import Foundation
import Testing

@testable import DescentStudy

/// `descent curves`: mean and spread over seeds, a grid shown at its best setting.
@Suite struct TrainingCurvesTests {
  static func result(label: String, rate: String, seed: Int, accuracies: [Double]) -> StudyResult {
    let run = StudyRun(
      index: seed, problem: .init(name: "mnist1d-mlp", settings: ["seed": String(seed)]),
      method: .init(name: "adamw", label: label, settings: ["learning-rate": rate]), seed: UInt64(seed), budget: 80)
    let epochs = accuracies.enumerated().map { index, accuracy in
      StudyResult.Epoch(
        EpochRecord(
          epoch: index, gradientEvaluations: 40 * index, valueEvaluations: 0, trainingLoss: 1, testLoss: 1,
          testAccuracy: accuracy))
    }
    return StudyResult(
      id: run.id, run: run, dimension: 1, startValue: 1, minimum: nil, finalValue: 1, bestValue: 1, error: nil,
      termination: .ended(.maxGradientEvaluations), evaluations: .init(gradient: 80, value: 0, samples: nil),
      reach: nil,
      history: [], epochs: epochs)
  }

  @Test func gridIsShownAtItsBestFinalMean() throws {
    let results = [
      Self.result(label: "adamw-cosine", rate: "0.01", seed: 0, accuracies: [0.1, 0.5, 0.6]),
      Self.result(label: "adamw-cosine", rate: "0.01", seed: 1, accuracies: [0.1, 0.5, 0.8]),
      Self.result(label: "adamw-cosine", rate: "0.1", seed: 0, accuracies: [0.1, 0.7, 0.65]),
      Self.result(label: "adamw-cosine", rate: "0.1", seed: 1, accuracies: [0.1, 0.7, 0.65]),
    ]
    let curves = TrainingCurves.curves(results)
    let curve = try #require(curves.count == 1 ? curves[0] : nil)
    #expect(curve.settings == "learning-rate=0.01")
    #expect(curve.configurations == 2 && curve.seeds == 2)
    #expect(abs(curve.finalMean - 0.7) < 1e-12)
    #expect(abs(curve.finalDeviation - (0.02).squareRoot()) < 1e-12)
    #expect(curve.epochs == [0, 1, 2])
    let table = TrainingCurves.table(curves)
    #expect(table.contains("| mnist1d-mlp | adamw-cosine | 70.00 ± 14.14 % | 2 | 0 | learning-rate=0.01 (best of 2) |"))
    let names = TrainingCurves.files(results, source: "test").map(\.name)
    #expect(
      names == [
        "accuracy-mnist1d-mlp.svg", "accuracy-mnist1d-mlp.csv", "loss-mnist1d-mlp.svg", "loss-mnist1d-mlp.csv",
        "final.md", "final.csv",
      ])
  }

  /// A results line of a training run keeps its epochs through the file.
  @Test func epochsSurviveTheResultsFile() throws {
    let result = Self.result(label: "adamw", rate: "0.01", seed: 0, accuracies: [0.1, 0.5])
    let decoded = try JSONDecoder().decode(StudyResult.self, from: JSONEncoder().encode(result))
    #expect(decoded == result)
  }

  /// A run's trace is a curve of one seed, its losses drawn beside its accuracy; a file
  /// that is not a trace is refused by name.
  @Test func aTraceIsACurve() throws {
    let trace = """
      epoch,gradient_evaluations,value_evaluations,train_loss,test_loss,test_accuracy,validation_loss,validation_accuracy,step_size,wall_seconds
      0,0,0,0.69,0.70,0.5,,,,0.000
      1,4,0,0.40,0.45,0.8,,,0.001,0.010
      2,8,0,0.30,0.41,0.9,,,0.001,0.020
      """
    let curve = try TrainingCurves.curve(trace: trace, label: "mine", source: "mine.csv")
    #expect(curve.epochs == [0, 1, 2] && curve.mean == [0.5, 0.8, 0.9])
    #expect(curve.trainingLoss == [0.69, 0.40, 0.30] && curve.testLoss == [0.70, 0.45, 0.41])
    let files = TrainingCurves.files([curve], source: "mine.csv")
    #expect(
      files.map(\.name) == [
        "accuracy-runs.svg", "accuracy-runs.csv", "loss-runs.svg", "loss-runs.csv", "final.md", "final.csv",
      ])
    let losses = try #require(files.first { $0.name == "loss-runs.csv" }).contents
    #expect(losses.contains("1,mine train,1.0,0.4") && losses.contains("1,mine test,2.0,0.41"))
    #expect(throws: StudyError.self) {
      try TrainingCurves.curve(trace: "epoch,value\n0,1\n", label: "x", source: "x.csv")
    }
    #expect(throws: StudyError.self) {
      try TrainingCurves.curve(trace: trace + "\n3,12,0,oops,0.4,0.9,,,,0.1", label: "x", source: "x.csv")
    }
  }

  /// A method keeps its colour on every figure of the page, whichever methods share
  /// each figure, and two methods of a page never share a colour and a line style.
  @Test func aMethodKeepsItsLookAcrossThePage() {
    let methods = ["gd", "bb", "bfgs", "lbfgs", "cg", "adam", "adamw", "csawg", "csawg-safeguarded", "dog", "prodigy"]
    let page = ProfileReport.methodLooks(methods)
    #expect(page["csawg-safeguarded"]?.color == "#000000")
    let pairs = methods.map { "\(page[$0]!.color) \(page[$0]!.style)" }
    #expect(Set(pairs).count == methods.count)
    // Another page with fewer methods: the same look where no other method took it.
    let other = ProfileReport.methodLooks(["gd", "bfgs", "dog"])
    for name in ["gd", "bfgs", "dog"]
    where page[name] == SeriesLooks.assign([name], style: { _ in page[name]!.style })[name] {
      #expect(other[name] == page[name], "\(name)")
    }
  }
}
