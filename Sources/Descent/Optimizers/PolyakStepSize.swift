/// Gradient descent with Polyak's step-size (the paper's equation 1).
///
///     α_k = (f(w_k) − f*) / ‖∇f(w_k)‖²,   w_{k+1} = w_k − α_k ∇f(w_k)
///
/// No step is taken where ∇f(w_k) = 0. Each iteration evaluates f and ∇f once. This
/// is SPS_max with c = 1 and no bound (``StochasticPolyak``), the same arithmetic to
/// the bit, and Descent runs it as that.
///
/// Polyak, B. T. (1987). Introduction to Optimization. Optimization Software.
///
/// Hyperparameters:
/// - `minimumValue` f*: the optimal value. Default: the objective's known minimum
///   (the run is refused when neither is known).
public struct PolyakStepSize<Scalar: DescentFloat>: Optimizer {
  /// The iteration, as SPS with c = 1 and γ_b = ∞.
  @usableFromInline var stochasticPolyak: StochasticPolyak<Scalar>

  /// f*, or nil to take the objective's.
  public internal(set) var minimumValue: Scalar? {
    get { stochasticPolyak.minimumValue }
    set { stochasticPolyak.minimumValue = newValue }
  }

  public init(minimumValue: Scalar? = nil) throws(DescentError) {
    stochasticPolyak = try StochasticPolyak(scale: 1, maxStepSize: .infinity, minimumValue: minimumValue)
  }

  public func validate<Problem: Objective>(for objective: Problem) throws(DescentError)
  where Problem.Scalar == Scalar {
    try stochasticPolyak.validate(for: objective)
  }

  /// α_k, as a one-entry vector for the trace.
  public var stepSizes: [Scalar]? { stochasticPolyak.stepSizes }

  @inlinable
  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    stochasticPolyak.step(&w, oracle: &oracle)
  }

  // Codable by hand: JSON has no infinity for the bound, which is implied.
  private enum CodingKeys: String, CodingKey { case minimumValue, stepSize, gradient }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(minimumValue: container.decodeIfPresent(Scalar.self, forKey: .minimumValue))
    stochasticPolyak.stepSize = try container.decode(Scalar.self, forKey: .stepSize)
    stochasticPolyak.gradient = try container.decode([Scalar].self, forKey: .gradient)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encodeIfPresent(minimumValue, forKey: .minimumValue)
    try container.encode(stochasticPolyak.stepSize, forKey: .stepSize)
    try container.encode(stochasticPolyak.gradient, forKey: .gradient)
  }
}

extension PolyakStepSize: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "polyak", summary: "Polyak's step-size (f − f*)/‖∇f‖² (paper eq. 1)",
      citation: "Polyak (1987)", initialiserDefaults: { try Self() },
      settings: [
        .optionalReal(
          "minimumValue", \.minimumValue, symbol: "f*", none: "problem", .finite,
          "the optimal value (problem: its f*)")
      ])
  }
}
