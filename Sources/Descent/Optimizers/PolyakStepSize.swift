/// Gradient descent with Polyak's step-size (the paper's equation 1).
///
///     α_k = (f(w_k) − f*) / ‖∇f(w_k)‖²,   w_{k+1} = w_k − α_k ∇f(w_k)
///
/// No step is taken where ∇f(w_k) = 0. Each iteration evaluates f and ∇f once.
///
/// Polyak, B. T. (1987). Introduction to Optimization. Optimization Software.
///
/// Hyperparameters:
/// - `minimumValue` f*: the optimal value. Default: the objective's known minimum
///   (the run is refused when neither is known).
public struct PolyakStepSize<Scalar: DescentFloat>: Optimizer {
  /// f*, or nil to take the objective's.
  public let minimumValue: Scalar?
  /// The last α_k.
  @usableFromInline var stepSize: Scalar = 0
  @usableFromInline var gradient: [Scalar] = []

  public init(minimumValue: Scalar? = nil) throws(DescentError) {
    self.minimumValue = minimumValue
    try checkHyperparameters()
  }

  func checkHyperparameters() throws(DescentError) {
    try DescentError.requireMinimum(minimumValue)
  }

  public func validate<Problem: Objective>(for objective: Problem) throws(DescentError)
  where Problem.Scalar == Scalar {
    try checkHyperparameters()
    try DescentError.requireState(gradient, dimension: objective.dimension)
    try DescentError.requireMinimum(minimumValue, for: objective)
  }

  /// α_k, as a one-entry vector for the trace.
  public var stepSizes: [Scalar]? { gradient.isEmpty ? nil : [stepSize] }

  @inlinable
  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    guard oracle.reserve(gradients: 1, values: 1) else { return }
    if gradient.count != w.count { gradient = [Scalar](repeating: 0, count: w.count) }
    let f = oracle.valueAndGradient(at: w, into: &gradient)
    let squaredNorm = Vector.dot(gradient, gradient)
    guard let fStar = minimumValue ?? oracle.objective.minimum else {
      preconditionFailure("Polyak's step needs f*: validate(for:) refuses a run without it")
    }
    stepSize = squaredNorm > 0 ? (f - fStar) / squaredNorm : 0
    Vector.subtractScaled(stepSize, gradient, from: &w)
  }
}

extension PolyakStepSize: CatalogedOptimizer {
  public static var method: MethodDescription {
    MethodDescription(
      name: "polyak", summary: "Polyak's step-size (f − f*)/‖∇f‖² (paper eq. 1)",
      citation: "Polyak (1987)",
      parameters: [.minimumValue("f*", "the optimal value")])
  }

  public init(settings: Settings) throws(DescentError) {
    try self.init(minimumValue: settings.optionalReal("minimum-value"))
  }
}
