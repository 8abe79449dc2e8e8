import Descent

/// A model of the mnist1d repository's as a training problem: trained in batches on
/// MNIST-1D's 4,000 training examples (less any held out for validation) and tested on
/// its 1,000 held-out ones, started as PyTorch starts it (seeded), no penalty. One type
/// for the repository's three models; a model joins by conforming to ``MNIST1DModel``.
public struct MNIST1DProblem<Model: MNIST1DModel>: TrainingProblem {
  public typealias Scalar = Model.Scalar
  public let model: Model
  public let testData: Dataset<Scalar>
  public let validationData: Dataset<Scalar>?
  public let batchSize: Int
  public let seed: UInt64

  public init(batchSize: Int = 100, seed: UInt64 = 0, validationRows: Int = 0) throws(DescentError) {
    let (training, validation) = try Model.prepared(MNIST1D.training(as: Scalar.self))
      .holdingOut(validationRows: validationRows)
    self.model = try Model(mnist1d: training, seed: seed).sampled(batchSize: batchSize, seed: seed)
    testData = Model.prepared(MNIST1D.test(as: Scalar.self))
    validationData = validation
    (self.batchSize, self.seed) = (batchSize, seed)
  }

  public var defaultStart: [Scalar] { model.mnist1dStart(seed: seed) }
  public static var seedsItsStart: Bool { true }

  public static var catalogEntry: CatalogEntry<Self> {
    .training(
      Model.mnist1dName, summary: Model.mnist1dSummary, citation: "Greydanus & Kobak (2020)",
      initialiserDefaults: { try Self() })
  }
}

/// A model MNIST-1D trains (``MNIST1DProblem``): its name in the catalog, how it reads
/// the examples, and its start.
public protocol MNIST1DModel<Scalar>: Classifier {
  static var mnist1dName: String { get }
  static var mnist1dSummary: String { get }
  /// The model on MNIST-1D's rows as ``prepared(_:)`` gives them; `seed` draws its start.
  init(mnist1d rows: Dataset<Scalar>, seed: UInt64) throws(DescentError)
  /// MNIST-1D's rows as the model reads them. Default: as they are.
  static func prepared(_ rows: Dataset<Scalar>) -> Dataset<Scalar>
  /// The start of a run seeded `seed` (the networks draw theirs when built).
  func mnist1dStart(seed: UInt64) -> [Scalar]
}

extension MNIST1DModel {
  public static func prepared(_ rows: Dataset<Scalar>) -> Dataset<Scalar> { rows }
}

/// MNIST-1D's logistic regression (the mnist1d repository's `LinearBase`): softmax
/// regression over the 40 features and an intercept, 410 weights, started as PyTorch
/// starts `Linear(40, 10)` (every weight from U(−1/√40, 1/√40), seeded).
public typealias MNIST1DLogistic<Scalar: DescentFloat> = MNIST1DProblem<SoftmaxRegression<Scalar>>

/// MNIST-1D's MLP (the mnist1d repository's `MLPBase`): 40–100–100–10 with ReLUs and a
/// residual connection around the middle layer, 15,210 weights. See ``ResidualMLP``.
public typealias MNIST1DMLP<Scalar: DescentFloat> = MNIST1DProblem<ResidualMLP<Scalar>>

/// MNIST-1D's CNN (the mnist1d repository's `ConvBase`): three 1-D convolutions of 25
/// channels with ReLUs, then a linear layer, 5,210 weights. See ``ConvNetwork1D``.
public typealias MNIST1DCNN<Scalar: DescentFloat> = MNIST1DProblem<ConvNetwork1D<Scalar>>

extension SoftmaxRegression: MNIST1DModel {
  public static var mnist1dName: String { "mnist1d-logistic" }
  public static var mnist1dSummary: String {
    "MNIST-1D, logistic regression 40–10, 410 weights; test accuracy per epoch"
  }
  public init(mnist1d rows: Dataset<Scalar>, seed: UInt64) throws(DescentError) {
    try self.init(data: rows, classes: 10, regularization: 0)
  }
  /// The features and a column of ones for the intercept.
  public static func prepared(_ rows: Dataset<Scalar>) -> Dataset<Scalar> { rows.scaledWithIntercept(by: 1) }
  public func mnist1dStart(seed: UInt64) -> [Scalar] {
    var generator = SeededGenerator(seed: seed)
    let bound = 1 / Scalar(40).squareRoot()
    return (0..<dimension).map { _ in bound * Scalar(2 * generator.uniform() - 1) }
  }
}

extension ResidualMLP: MNIST1DModel {
  public static var mnist1dName: String { "mnist1d-mlp" }
  public static var mnist1dSummary: String {
    "MNIST-1D, residual MLP 40–100–100–10, 15,210 weights; test accuracy per epoch"
  }
  public init(mnist1d rows: Dataset<Scalar>, seed: UInt64) throws(DescentError) {
    try self.init(data: rows, classes: 10, seed: seed)
  }
  public func mnist1dStart(seed: UInt64) -> [Scalar] { defaultStart }
}

extension ConvNetwork1D: MNIST1DModel {
  public static var mnist1dName: String { "mnist1d-cnn" }
  public static var mnist1dSummary: String {
    "MNIST-1D, 1-D CNN of 3 × 25 channels, 5,210 weights; test accuracy per epoch"
  }
  public init(mnist1d rows: Dataset<Scalar>, seed: UInt64) throws(DescentError) {
    try self.init(data: rows, classes: 10, seed: seed)
  }
  public func mnist1dStart(seed: UInt64) -> [Scalar] { defaultStart }
}
