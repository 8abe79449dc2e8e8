import ArgumentParser
import Descent

/// Every optimizer hyperparameter flag. Values are kept as text and handed to the
/// catalog, which checks that the method has the hyperparameter and that the value
/// is in range, and names the value when it is not. Values are taken as given even
/// when they start with a dash, so `--corrections -1` is refused for its value.
struct HyperparameterOptions: ParsableArguments {
  @Option(help: "Optimizer: \(OptimizerCatalog.names.joined(separator: ", ")).")
  var optimizer = "csawg"

  @Option(parsing: .unconditional, help: "Step-size α (γ for gd and csawg, η for adagrad, s for nesterov).")
  var learningRate: String?

  @Option(parsing: .unconditional, help: "Csawg: horizon K.")
  var horizon: String?

  @Option(parsing: .unconditional, help: "Csawg: planning steps P.")
  var planningSteps: String?

  @Option(parsing: .unconditional, help: "Csawg: corrections M after each projection.")
  var corrections: String?

  @Option(parsing: .unconditional, help: "Csawg: first-projection gradient, paper, reused or fresh.")
  var projectionGradient: String?

  @Option(parsing: .unconditional, help: "Momentum, heavy-ball: p; nesterov: β or 'increasing'.")
  var momentum: String?

  @Option(parsing: .unconditional, help: "RMSprop: decay β of the mean square.")
  var decay: String?

  @Option(parsing: .unconditional, help: "Adam, AdamW: β₁.")
  var beta1: String?

  @Option(parsing: .unconditional, help: "Adam, AdamW: β₂.")
  var beta2: String?

  @Option(parsing: .unconditional, help: "RMSprop, Adam, AdamW, Adagrad: ε added to the root.")
  var epsilon: String?

  @Option(parsing: .unconditional, help: "AdamW: decoupled weight decay λ.")
  var weightDecay: String?

  @Option(parsing: .unconditional, help: "Adagrad: starting sum of squares G₀.")
  var initialAccumulator: String?

  @Option(parsing: .unconditional, help: "Polyak, SPS: f* (default: the problem's).")
  var minimumValue: String?

  @Option(parsing: .unconditional, help: "SPS: c.")
  var scale: String?

  @Option(parsing: .unconditional, help: "SPS: bound γ_b.")
  var maxStepSize: String?

  @Option(parsing: .unconditional, help: "Lookahead: the fast optimizer.")
  var inner: String?

  @Option(parsing: .unconditional, help: "Lookahead: fast steps per slow step k.")
  var syncPeriod: String?

  @Option(parsing: .unconditional, help: "Lookahead: slow step-size α.")
  var slowStepSize: String?

  @Option(parsing: .unconditional, help: "L-BFGS: curvature pairs kept m.")
  var memory: String?

  @Option(parsing: .unconditional, help: "L-BFGS: converged when ‖∇f‖∞ is at most this (scipy's gtol).")
  var gtol: String?

  @Option(parsing: .unconditional, help: "L-BFGS: converged when f falls by at most this, relatively (scipy's ftol).")
  var ftol: String?

  @Option(parsing: .unconditional, help: "Nelder–Mead: simplex size tolerance.")
  var xatol: String?

  @Option(parsing: .unconditional, help: "Nelder–Mead: simplex value tolerance.")
  var fatol: String?

  @Option(parsing: .unconditional, help: "L4: update direction, adam or momentum.")
  var direction: String?

  @Option(parsing: .unconditional, help: "L4: fraction α of the optimal step.")
  var fraction: String?

  @Option(parsing: .unconditional, help: "L4: share γ of L_min deemed reachable.")
  var minimumLossFactor: String?

  @Option(parsing: .unconditional, help: "L4: L_min = γ₀·L_0 at the start.")
  var initialFactor: String?

  @Option(parsing: .unconditional, help: "L4: L_min grows by 1 + 1/τ a step.")
  var forgetTime: String?

  @Option(parsing: .unconditional, help: "LossGrad: increase/decrease factor c.")
  var factor: String?

  @Option(parsing: .unconditional, help: "SGD-HD, Adam-HD: step-size β of the step-size.")
  var hypergradientRate: String?

  @Option(parsing: .unconditional, help: "IDBD: meta step-size θ.")
  var metaStepSize: String?

  @Option(parsing: .unconditional, help: "IDBD: initial step-size α₀.")
  var initialStepSize: String?

  /// The catalog names of the flags above, in order.
  static let names = [
    "learning-rate",
    "horizon",
    "planning-steps",
    "corrections",
    "projection-gradient",
    "momentum",
    "decay",
    "beta1",
    "beta2",
    "epsilon",
    "weight-decay",
    "initial-accumulator",
    "minimum-value",
    "scale",
    "max-step-size",
    "inner",
    "sync-period",
    "slow-step-size",
    "memory",
    "gtol",
    "ftol",
    "xatol",
    "fatol",
    "direction",
    "fraction",
    "minimum-loss-factor",
    "initial-factor",
    "forget-time",
    "factor",
    "hypergradient-rate",
    "meta-step-size",
    "initial-step-size",
  ]

  /// The flags given, by catalog name.
  var given: [String: String] {
    let values = [
      learningRate, horizon, planningSteps, corrections, projectionGradient, momentum, decay, beta1, beta2, epsilon,
      weightDecay, initialAccumulator, minimumValue, scale, maxStepSize, inner, syncPeriod, slowStepSize, memory, gtol,
      ftol, xatol, fatol, direction, fraction, minimumLossFactor, initialFactor, forgetTime, factor, hypergradientRate,
      metaStepSize, initialStepSize,
    ]
    return Dictionary(
      uniqueKeysWithValues: zip(Self.names, values).compactMap { name, value in value.map { (name, $0) } })
  }

  func make<S: DescentFloat>(_: S.Type) throws -> any CatalogedOptimizer<S> {
    try OptimizerCatalog.make(optimizer, settings: given, as: S.self)
  }
}
