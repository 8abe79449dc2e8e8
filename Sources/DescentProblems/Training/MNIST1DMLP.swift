import Descent

/// MNIST-1D's MLP (the mnist1d repository's `MLPBase`): 40–100–100–10 with ReLUs and a
/// residual connection around the middle layer, 15,210 weights, no penalty, PyTorch's
/// default start (seeded); tested on the 1,000 held-out examples. See ``ResidualMLP``.
public struct MNIST1DMLP<Scalar: DescentFloat>: TrainingProblem {
  public let model: ResidualMLP<Scalar>
  public let testData: Dataset<Scalar>
  public let validationData: Dataset<Scalar>?
  public let batchSize: Int
  public let seed: UInt64

  public init(batchSize: Int = 100, seed: UInt64 = 0, validationRows: Int = 0) throws(DescentError) {
    let (training, validation) = try MNIST1D.training(as: Scalar.self).holdingOut(validationRows: validationRows)
    let model = try ResidualMLP(data: training, classes: 10, seed: seed)
    self.model = try model.sampled(batchSize: batchSize, seed: seed)
    testData = MNIST1D.test(as: Scalar.self)
    validationData = validation
    (self.batchSize, self.seed) = (batchSize, seed)
  }

  public var defaultStart: [Scalar] { model.defaultStart }
  public static var seedsItsStart: Bool { true }

  public static var catalogEntry: CatalogEntry<Self> {
    .training(
      "mnist1d-mlp", summary: "MNIST-1D, residual MLP 40–100–100–10, 15,210 weights; test accuracy per epoch",
      citation: "Greydanus & Kobak (2020)", initialiserDefaults: { try Self() })
  }
}
