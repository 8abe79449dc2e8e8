import Descent

/// ℓ2-regularised logistic regression on the Wisconsin diagnostic breast cancer data
/// (569 rows, 30 features standardised to mean 0 and population variance 1, and an
/// intercept): mean loss plus (λ/2)‖w‖², λ = 1/n; started at 0. f* and w* from the
/// committed reference run (scipy's L-BFGS-B, polished by Newton steps to ‖∇f‖ < 1e-10).
public struct BreastCancerLogistic<Scalar: DescentFloat>: DataProblem {
  public let model: LogisticRegression<Scalar>

  public init(batchSize: Int = 0, seed: UInt64 = 0) throws(DescentError) {
    let data = SuiteData.dataset(SuiteData.breastCancer, as: Scalar.self).standardizedWithIntercept()
    let reference = SuiteData.references[Self.problem.name]!
    let model = try LogisticRegression(
      data: data, regularization: 1 / Scalar(data.rows), minimum: Scalar(reference.minimum),
      minimizer: reference.minimizer.map { Scalar($0) })
    self.model = try DataProblemSettings.sampled(model, batchSize: batchSize, seed: seed)
  }

  public var defaultStart: [Scalar] { [Scalar](repeating: 0, count: dimension) }

  public static var problem: MethodDescription {
    MethodDescription(
      name: "breast-cancer-logistic", summary: "ℓ2 logistic regression, 569 rows × 31; convex",
      citation: "Wolberg, Street & Mangasarian (1995), UCI; via scikit-learn",
      parameters: DataProblemSettings.parameters)
  }
}
