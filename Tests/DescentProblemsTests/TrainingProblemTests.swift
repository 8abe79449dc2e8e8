import Descent
import DescentProblems
import Foundation
import Testing

/// The training problems: by epochs, measured after each at the method's evaluation point.
@Suite struct TrainingProblemTests {
  /// An epoch is ⌊n/B⌋ gradients; each record counts the run so far and measures the
  /// training loss over every row and the held-out set; the run trained by epochs is the
  /// run trained in one call with the same budget, step for step.
  @Test func epochsAreBatchesOfTheTrainingRows() throws {
    let problem = try BreastCancerHeldOut<Double>(batchSize: 50, seed: 2)
    #expect(problem.gradientsPerEpoch == 455 / 50)
    var adam = try Adam<Double>(learningRate: 0.01)
    let result = try problem.train(from: problem.defaultStart, using: &adam, epochs: 3)
    #expect(result.records.map(\.epoch) == [0, 1, 2, 3])
    #expect(result.records.map(\.gradientEvaluations) == [0, 9, 18, 27])
    #expect(result.termination == .maxGradientEvaluations)
    let last = try #require(result.records.last)
    let full = try BreastCancerHeldOut<Double>(batchSize: 0)
    #expect(last.trainingLoss == full.value(at: result.minimizer))
    #expect(try last.testAccuracy == problem.test(at: result.minimizer).accuracy)
    #expect(last.testAccuracy > 0.9, "\(last.testAccuracy)")

    let again = try BreastCancerHeldOut<Double>(batchSize: 50, seed: 2)
    var once = try Adam<Double>(learningRate: 0.01)
    let single = try minimize(again, from: again.defaultStart, using: &once, until: .init(maxGradientEvaluations: 27))
    #expect(single.minimizer == result.minimizer)
  }

  /// A study runs a training problem once per seed unless it is set to every row and
  /// its seed draws no start: its default batch size is 100, not 0.
  @Test func seedsMatterAtTheDefaultBatchSize() {
    #expect(BreastCancerHeldOut<Double>.isRandom(settings: [:]))
    #expect(!BreastCancerHeldOut<Double>.isRandom(settings: ["batch-size": "0"]))
    #expect(MNIST1DMLP<Double>.isRandom(settings: ["batch-size": "0"]))
  }

  /// A gradient budget ends the run inside an epoch, which is measured where it ended:
  /// no run spends more than its budget.
  @Test func budgetCutsTheLastEpoch() throws {
    let problem = try BreastCancerHeldOut<Double>(batchSize: 50, seed: 1)
    var planner = try SafeguardedCsawg<Double>()
    let result = try problem.train(from: problem.defaultStart, using: &planner, epochs: 5, maxGradientEvaluations: 12)
    #expect(result.records.map(\.gradientEvaluations) == [0, 9, 12])
    #expect(result.termination == .maxGradientEvaluations)
  }

  /// The held-out rows are scaled with the training rows' means and deviations, as the
  /// model was trained, not with their own.
  @Test func heldOutRowsAreScaledAsTheTrainingRows() throws {
    let training = try Dataset<Double>(features: [1, 10, 2, 20, 3, 50], targets: [0, 1, 0], columns: 2)
    let test = try Dataset<Double>(features: [4, 40], targets: [1], columns: 2)
    let scaled = test.standardizedWithIntercept(statisticsOf: training)
    // Column 0: mean 2, deviation √(2/3); column 1: mean 80/3, deviation √(2600/9 − …).
    for column in 0..<2 {
      let values = (0..<3).map { training.features[$0 * 2 + column] }
      let mean = values.reduce(0, +) / 3
      let deviation = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 3).squareRoot()
      #expect(abs(scaled.features[column] - (test.features[column] - mean) / deviation) < 1e-12)
    }
    #expect(scaled.features[2] == 1)
    // Alone, the one row would standardise to 0.
    #expect(test.standardizedWithIntercept().features[0] == 0)
  }

  /// Logistic regression as a two-class classifier: its cross-entropy over (0, xᵀw) is
  /// its own loss, and it predicts 1 where xᵀw > 0.
  @Test func logisticRegressionClassifies() throws {
    let data = try Dataset<Double>(features: [1, 1, -2, 1, 0.5, 1], targets: [1, 0, 0], columns: 2)
    let model = try LogisticRegression(data: data, regularization: 0)
    let w = [0.8, -0.1]
    let (accuracy, loss) = try model.evaluate(on: data, at: w)
    #expect(abs(loss - model.value(at: w)) < 1e-12)
    #expect(accuracy == 2.0 / 3.0)
  }

  /// Every training problem in the catalog builds in both precisions, starts where its
  /// model says, and measures a finite first epoch.
  @Test(arguments: ProblemCatalog.training(Double.self).map { $0.catalogName })
  func catalogTrainingProblemsRun(_ name: String) throws {
    func check<S: DescentFloat>(_: S.Type) throws {
      let problem = try #require(
        try ProblemCatalog.make(name, settings: ["batch-size": "400"], as: S.self) as? any TrainedByEpochs<S>)
      let result = try problem.train(
        from: problem.defaultStart, with: try GradientDescent<S>(learningRate: 0.01), epochs: 1,
        maxGradientEvaluations: nil, maxValueEvaluations: nil
      ) { _ in true }
      #expect(result.records.count == 2)
      #expect(result.records.allSatisfy { $0.trainingLoss.isFinite && $0.testLoss.isFinite }, "\(name) \(S.self)")
    }
    try check(Float.self)
    try check(Double.self)
  }
}
