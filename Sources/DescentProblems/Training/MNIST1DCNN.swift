import Descent

/// MNIST-1D's CNN (the mnist1d repository's `ConvBase`): three 1-D convolutions of 25
/// channels with ReLUs, then a linear layer, 5,210 weights, no penalty, PyTorch's
/// default start (seeded); tested on the 1,000 held-out examples. See ``ConvNetwork1D``.
public struct MNIST1DCNN<Scalar: DescentFloat>: TrainingProblem {
  public let model: ConvNetwork1D<Scalar>
  public let testData: Dataset<Scalar>
  public let validationData: Dataset<Scalar>?
  public let batchSize: Int
  public let seed: UInt64

  public init(batchSize: Int = 100, seed: UInt64 = 0, validationRows: Int = 0) throws(DescentError) {
    let (training, validation) = try MNIST1D.training(as: Scalar.self).holdingOut(validationRows: validationRows)
    let model = try ConvNetwork1D(data: training, classes: 10, seed: seed)
    self.model = try model.sampled(batchSize: batchSize, seed: seed)
    testData = MNIST1D.test(as: Scalar.self)
    validationData = validation
    (self.batchSize, self.seed) = (batchSize, seed)
  }

  public var defaultStart: [Scalar] { model.defaultStart }
  public static var seedsItsStart: Bool { true }

  public static var catalogEntry: CatalogEntry<Self> {
    .training(
      "mnist1d-cnn", summary: "MNIST-1D, 1-D CNN of 3 × 25 channels, 5,210 weights; test accuracy per epoch",
      citation: "Greydanus & Kobak (2020)", initialiserDefaults: { try Self() })
  }
}
