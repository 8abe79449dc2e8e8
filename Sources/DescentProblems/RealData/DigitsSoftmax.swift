import Descent

/// ℓ2-regularised softmax regression on the 8×8 handwritten digits (1,797 rows, 64
/// pixels scaled to [0, 1], and an intercept; 10 classes, 650 weights): mean
/// cross-entropy plus (λ/2)‖W‖², λ = 1/n; started at 0. f* and w* from the committed
/// reference run.
public struct DigitsSoftmax<Scalar: DescentFloat>: DataProblem {
  public let model: SoftmaxRegression<Scalar>
  public let batchSize: Int
  public let seed: UInt64

  public init(batchSize: Int = 0, seed: UInt64 = 0) throws(DescentError) {
    let data = SuiteData.dataset(SuiteData.digits, as: Scalar.self).scaledWithIntercept(by: 1 / 16)
    let (minimum, minimizer) = SuiteData.reference(for: Self.catalogName, as: Scalar.self)
    let model = try SoftmaxRegression(
      data: data, classes: 10, regularization: 1 / Scalar(data.rows), minimum: minimum, minimizer: minimizer)
    self.model = try model.sampled(batchSize: batchSize, seed: seed)
    (self.batchSize, self.seed) = (batchSize, seed)
  }

  public static var catalogEntry: CatalogEntry<Self> {
    .realData(
      "digits-softmax", summary: "ℓ2 softmax regression, 1,797 rows × 65, 10 classes; convex",
      citation: "Alpaydin & Kaynak (1998), UCI; via scikit-learn", initialiserDefaults: { try Self() })
  }
}
