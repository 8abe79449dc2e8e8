import ArgumentParser
import Descent

/// Every optimizer hyperparameter flag. Values are kept as text and handed to the
/// catalog, which checks that the method has the hyperparameter and that the value
/// is in range, and names the value when it is not. Values are taken as given even
/// when they start with a dash, so `--corrections -1` is refused for its value.
struct HyperparameterOptions: ParsableArguments {
  @Option(help: "Optimizer: \(OptimizerCatalog.names.joined(separator: ", ")).")
  var optimizer = "csawg"

  @Option(parsing: .unconditional, help: "Step-size γ (gd, csawg).")
  var learningRate: String?

  @Option(parsing: .unconditional, help: "Csawg horizon K.")
  var horizon: String?

  @Option(parsing: .unconditional, help: "Csawg planning steps P.")
  var planningSteps: String?

  @Option(parsing: .unconditional, help: "Csawg corrections M after each projection.")
  var corrections: String?

  @Option(parsing: .unconditional, help: "Csawg first-projection gradient: paper, reused or fresh.")
  var projectionGradient: String?

  /// The flags given, by catalog name.
  var given: [String: String] {
    var settings: [String: String] = [:]
    settings["learning-rate"] = learningRate
    settings["horizon"] = horizon
    settings["planning-steps"] = planningSteps
    settings["corrections"] = corrections
    settings["projection-gradient"] = projectionGradient
    return settings
  }

  func make<S: DescentFloat>(_: S.Type) throws -> any CatalogedOptimizer<S> {
    try OptimizerCatalog.make(optimizer, settings: given, as: S.self)
  }
}
