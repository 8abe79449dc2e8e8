import Descent

/// ℓ2-regularised logistic regression on the Wisconsin diagnostic breast cancer data
/// (569 rows, 30 features standardised to mean 0 and population variance 1, and an
/// intercept): mean loss plus (λ/2)‖w‖², λ = 1/n; started at 0. f* and w* from the
/// committed reference run (scipy's L-BFGS-B, polished by Newton steps to ‖∇f‖ < 1e-10).
public struct BreastCancerLogistic<Scalar: DescentFloat>: DataProblem {
  public let model: LogisticRegression<Scalar>
  public let batchSize: Int
  public let seed: UInt64

  public init(batchSize: Int = 0, seed: UInt64 = 0) throws(DescentError) {
    let data = SuiteData.dataset(SuiteData.breastCancer, as: Scalar.self).standardizedWithIntercept()
    let (minimum, minimizer) = SuiteData.reference(for: Self.catalogName, as: Scalar.self)
    let model = try LogisticRegression(
      data: data, regularization: 1 / Scalar(data.rows), minimum: minimum, minimizer: minimizer)
    self.model = try model.sampled(batchSize: batchSize, seed: seed)
    (self.batchSize, self.seed) = (batchSize, seed)
  }

  public static var catalogEntry: CatalogEntry<Self> {
    .realData(
      "breast-cancer-logistic", summary: "ℓ2 logistic regression, 569 rows × 31; convex",
      citation: "Wolberg, Street & Mangasarian (1995), UCI; via scikit-learn", initialiserDefaults: { try Self() })
  }
}
