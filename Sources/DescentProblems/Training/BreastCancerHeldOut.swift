import Descent

/// The breast-cancer logistic regression of `breast-cancer-logistic` (λ = 1/n, started at
/// 0) trained on 455 of the 569 rows and tested on the other 114, split once with seed 0;
/// the features standardised with the training rows' means and deviations.
public struct BreastCancerHeldOut<Scalar: DescentFloat>: TrainingProblem {
  public let model: LogisticRegression<Scalar>
  public let testData: Dataset<Scalar>
  public let validationData: Dataset<Scalar>?
  public let batchSize: Int
  public let seed: UInt64

  public init(batchSize: Int = 100, seed: UInt64 = 0, validationRows: Int = 0) throws(DescentError) {
    let data = SuiteData.dataset(SuiteData.breastCancer, as: Scalar.self)
    let (rows, test) = try data.split(testRows: 114, seed: 0)
    let (training, validation) = try rows.holdingOut(validationRows: validationRows)
    let model = try LogisticRegression(
      data: training.standardizedWithIntercept(), regularization: 1 / Scalar(training.rows))
    self.model = try model.sampled(batchSize: batchSize, seed: seed)
    // Held-out rows are scaled as the model was trained, by the rows it trains on.
    testData = test.standardizedWithIntercept(statisticsOf: training)
    validationData = validation?.standardizedWithIntercept(statisticsOf: training)
    (self.batchSize, self.seed) = (batchSize, seed)
  }

  public var defaultStart: [Scalar] { [Scalar](repeating: 0, count: dimension) }

  public static var catalogEntry: CatalogEntry<Self> {
    .training(
      "breast-cancer-heldout", summary: "ℓ2 logistic regression on 455 rows, tested on 114; test accuracy per epoch",
      citation: "data as breast-cancer-logistic; split seeded", initialiserDefaults: { try Self() })
  }
}
