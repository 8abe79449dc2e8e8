// Minimise your own function without writing its gradient: write f in Swift, mark it
// @differentiable(reverse), and let the compiler differentiate it.
//
//   swift run --package-path Examples OwnFunction
import Descent
import DescentDifferentiable
import _Differentiation

// Himmelblau's function: four minima, f = 0 at each, one of them at (3, 2).
@differentiable(reverse)
func himmelblau(_ w: [Double]) -> Double {
  let a = w[0] * w[0] + w[1] - 11
  let b = w[0] + w[1] * w[1] - 7
  return a * a + b * b
}

let objective = try DifferentiableObjective<Double>(dimension: 2, minimum: 0) { himmelblau($0) }
var planner = try SafeguardedCsawg<Double>(learningRate: 0.01)
let result = try minimize(
  objective, from: [0, 0], using: &planner, until: StoppingRules(maxGradientEvaluations: 2_000, valueTolerance: 1e-12))
print("Himmelblau from (0, 0) with csawg-safeguarded:")
print("  w = \(result.minimizer), f = \(result.value)")
print("  \(result.gradientEvaluations) gradients, \(result.termination)")
