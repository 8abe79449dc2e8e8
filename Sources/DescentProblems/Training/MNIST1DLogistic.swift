import Descent

/// MNIST-1D's logistic regression (the mnist1d repository's `LinearBase`): softmax
/// regression over the 40 features and an intercept, 410 weights, no penalty, started
/// as PyTorch starts `Linear(40, 10)` (every weight from U(−1/√40, 1/√40), seeded);
/// tested on the 1,000 held-out examples.
public struct MNIST1DLogistic<Scalar: DescentFloat>: TrainingProblem {
  public let model: SoftmaxRegression<Scalar>
  public let testData: Dataset<Scalar>
  public let validationData: Dataset<Scalar>?
  public let batchSize: Int
  public let seed: UInt64

  public init(batchSize: Int = 100, seed: UInt64 = 0, validationRows: Int = 0) throws(DescentError) {
    let (training, validation) = try MNIST1D.training(as: Scalar.self).scaledWithIntercept(by: 1)
      .holdingOut(validationRows: validationRows)
    let model = try SoftmaxRegression(data: training, classes: 10, regularization: 0)
    self.model = try model.sampled(batchSize: batchSize, seed: seed)
    testData = MNIST1D.test(as: Scalar.self).scaledWithIntercept(by: 1)
    validationData = validation
    (self.batchSize, self.seed) = (batchSize, seed)
  }

  public var defaultStart: [Scalar] {
    var generator = SeededGenerator(seed: seed)
    let bound = 1 / Scalar(40).squareRoot()
    return (0..<dimension).map { _ in bound * Scalar(2 * generator.uniform() - 1) }
  }
  public static var seedsItsStart: Bool { true }

  public static var catalogEntry: CatalogEntry<Self> {
    .training(
      "mnist1d-logistic", summary: "MNIST-1D, logistic regression 40–10, 410 weights; test accuracy per epoch",
      citation: "Greydanus & Kobak (2020)", initialiserDefaults: { try Self() })
  }
}
