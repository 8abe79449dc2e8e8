import Descent

/// The digits network of `digits-tanh-network` (64–32–10, tanh, λ = 1/n) trained on 1,437
/// of the 1,797 digits and tested on the other 360, split once with seed 0
/// (`Dataset.split(testRows:seed:)`), the same split for every run.
public struct DigitsNetworkHeldOut<Scalar: DescentFloat>: TrainingProblem {
  public let model: TanhNetwork<Scalar>
  public let testData: Dataset<Scalar>
  public let validationData: Dataset<Scalar>?
  public let batchSize: Int
  public let seed: UInt64

  public init(batchSize: Int = 100, seed: UInt64 = 0, validationRows: Int = 0) throws(DescentError) {
    let digits = SuiteData.dataset(SuiteData.digits, as: Scalar.self).scaledWithIntercept(by: 1 / 16)
    let (rows, test) = try digits.split(testRows: 360, seed: 0)
    let (training, validation) = try rows.holdingOut(validationRows: validationRows)
    let model = try TanhNetwork(
      data: training, hidden: 32, classes: 10, regularization: 1 / Scalar(training.rows), seed: seed)
    self.model = try model.sampled(batchSize: batchSize, seed: seed)
    testData = test
    validationData = validation
    (self.batchSize, self.seed) = (batchSize, seed)
  }

  public var defaultStart: [Scalar] { model.defaultStart }
  public static var seedsItsStart: Bool { true }

  public static var catalogEntry: CatalogEntry<Self> {
    .training(
      "digits-network-heldout",
      summary: "tanh network 64–32–10 on 1,437 digits, tested on 360; test accuracy per epoch",
      citation: "data as digits-softmax; split seeded", initialiserDefaults: { try Self() })
  }
}
