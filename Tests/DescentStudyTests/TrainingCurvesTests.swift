import Descent
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
      termination: "max-evaluations", evaluations: .init(gradient: 80, value: 0, samples: nil), reach: nil,
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
    #expect(names == ["accuracy-mnist1d-mlp.svg", "accuracy-mnist1d-mlp.csv", "final.md", "final.csv"])
  }

  /// A results line of a training run keeps its epochs through the file.
  @Test func epochsSurviveTheResultsFile() throws {
    let result = Self.result(label: "adamw", rate: "0.01", seed: 0, accuracies: [0.1, 0.5])
    let decoded = try JSONDecoder().decode(StudyResult.self, from: JSONEncoder().encode(result))
    #expect(decoded == result)
  }
}
