import Descent

/// ℓ2-regularised least squares on the diabetes data (442 rows, 10 features
/// standardised, and an intercept; the target standardised too): mean ½(xᵀw − y)² plus
/// (λ/2)‖w‖², λ = 1/n; started at 0. f* and w* from the committed reference run.
public struct DiabetesLeastSquares<Scalar: DescentFloat>: DataProblem {
  public let model: LinearLeastSquares<Scalar>
  public let batchSize: Int
  public let seed: UInt64

  public init(batchSize: Int = 0, seed: UInt64 = 0) throws(DescentError) {
    let data = SuiteData.dataset(SuiteData.diabetes, as: Scalar.self).standardizedWithIntercept().standardizedTargets()
    let (minimum, minimizer) = SuiteData.reference(for: Self.catalogName, as: Scalar.self)
    let model = try LinearLeastSquares(
      data: data, regularization: 1 / Scalar(data.rows), minimum: minimum, minimizer: minimizer)
    self.model = try model.sampled(batchSize: batchSize, seed: seed)
    (self.batchSize, self.seed) = (batchSize, seed)
  }

  public static var catalogEntry: CatalogEntry<Self> {
    .realData(
      "diabetes-least-squares", summary: "ℓ2 least squares, 442 rows × 11; convex",
      citation: "Efron, Hastie, Johnstone & Tibshirani (2004); via scikit-learn", initialiserDefaults: { try Self() })
  }
}
