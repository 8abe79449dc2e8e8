/// SPS_max, the stochastic Polyak step-size, capped.
///
///     γ_k = min{ (f_i(w_k) − f_i*) / (c ‖∇f_i(w_k)‖²), γ_b },   w_{k+1} = w_k − γ_k ∇f_i(w_k)
///
/// f_i is the loss of the sample or batch the oracle draws; on a deterministic
/// problem it is f. No step is taken where the gradient is zero.
///
/// Loizou, N., Vaswani, S., Laradji, I. and Lacoste-Julien, S. (2021). Stochastic
/// Polyak step-size for SGD: an adaptive learning rate for fast convergence.
/// AISTATS (SPS_max).
///
/// Hyperparameters:
/// - `scale` c > 0. Default 0.5, the value of the paper's convergence theorems.
/// - `maxStepSize` γ_b > 0, or infinity for no bound. Default 1 (optax's default
///   bound; the paper tunes it).
/// - `minimumValue` f_i*: a lower bound on the loss. Default: the objective's known
///   minimum (the run is refused when neither is known; 0 suits interpolating models).
public struct StochasticPolyak<Scalar: DescentFloat>: Optimizer {
  public internal(set) var scale: Scalar
  public internal(set) var maxStepSize: Scalar
  public internal(set) var minimumValue: Scalar?
  @usableFromInline var stepSize: Scalar = 0
  @usableFromInline var gradient: [Scalar] = []

  public init(scale: Scalar = 0.5, maxStepSize: Scalar = 1, minimumValue: Scalar? = nil) throws(DescentError) {
    self.scale = scale
    self.maxStepSize = maxStepSize
    self.minimumValue = minimumValue
    try checkSettings()
  }

  public func validate<Problem: Objective>(for objective: Problem) throws(DescentError)
  where Problem.Scalar == Scalar {
    try checkSettings()
    try DescentError.requireState(gradient, dimension: objective.dimension)
    try DescentError.requireMinimum(minimumValue, for: objective)
  }

  /// γ_k, as a one-entry vector for the trace.
  public var stepSizes: [Scalar]? { gradient.isEmpty ? nil : [stepSize] }

  @inlinable
  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    guard oracle.reserve(gradients: 1, values: 1) else { return }
    if gradient.count != w.count { gradient = [Scalar](repeating: 0, count: w.count) }
    let f = oracle.valueAndGradient(at: w, into: &gradient)
    let squaredNorm = Vector.dot(gradient, gradient)
    guard let lowerBound = minimumValue ?? oracle.objective.minimum else {
      preconditionFailure("SPS needs f*: validate(for:) refuses a run without it")
    }
    stepSize = squaredNorm > 0 ? min((f - lowerBound) / (scale * squaredNorm), maxStepSize) : 0
    Vector.subtractScaled(stepSize, gradient, from: &w)
  }
}

extension StochasticPolyak: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "sps", summary: "stochastic Polyak step-size SPS_max, min((f − f*)/(c‖∇f‖²), γ_b)",
      citation: "Loizou, Vaswani, Laradji & Lacoste-Julien (2021)", initialiserDefaults: { try Self() },
      settings: [
        .real("scale", \.scale, symbol: "c", default: 0.5, .positive, "divides the Polyak step"),
        .real("maxStepSize", \.maxStepSize, symbol: "γ_b", default: 1, .positiveOrInfinite, "upper bound on the step"),
        .optionalReal(
          "minimumValue", \.minimumValue, symbol: "f_i*", none: "problem", .finite,
          "lower bound on the loss (problem: its f*)"),
      ])
  }
}
