// Minimise your own function without writing its gradient: write f in Swift over a
// DifferentiableVector, mark it @differentiable(reverse), and let the compiler
// differentiate it. Elements are read (and written) in the loops you would write on
// paper, at O(1) each in the gradient.
//
//   swift run --package-path Examples OwnFunction
#if canImport(_Differentiation)
  import Descent
  import DescentDifferentiable
  import _Differentiation

  // Himmelblau's function: four minima, f = 0 at each, one of them at (3, 2).
  @differentiable(reverse)
  func himmelblau(_ w: DifferentiableVector<Double>) -> Double {
    let a = w[0] * w[0] + w[1] - 11
    let b = w[0] + w[1] * w[1] - 7
    return a * a + b * b
  }

  // Rosenbrock's valley chained over d parameters, as a loop. The loop's bound is taken
  // out of differentiation: `w.count` is an integer, not a differentiable value.
  @differentiable(reverse)
  func chainedRosenbrock(_ w: DifferentiableVector<Double>) -> Double {
    var total = 0.0
    for i in 0..<withoutDerivative(at: w.count - 1) {
      let a = w[i + 1] - w[i] * w[i]
      let b = 1 - w[i]
      total += 100 * a * a + b * b
    }
    return total
  }

  let objective = try DifferentiableObjective<Double>(dimension: 2, minimum: 0) { himmelblau($0) }
  var planner = try SafeguardedCsawg<Double>()  // its defaults: no step size to choose
  let result = try minimize(
    objective, from: [0, 0], using: &planner, until: StoppingRules(maxGradientEvaluations: 2_000, valueTolerance: 1e-12)
  )
  print("Himmelblau from (0, 0) with csawg-safeguarded:")
  print("  w = \(result.minimizer), f = \(result.value)")
  print("  \(result.gradientEvaluations) gradients, \(result.termination)")

  let d = 100
  let chained = try DifferentiableObjective<Double>(dimension: d, minimum: 0) { chainedRosenbrock($0) }
  var lbfgs = try LBFGS<Double>()
  let start = (0..<d).map { $0 % 2 == 0 ? -1.2 : 1.0 }
  let fit = try minimize(chained, from: start, using: &lbfgs, until: StoppingRules(maxGradientEvaluations: 5_000))
  print("Chained Rosenbrock, d = \(d), with L-BFGS:")
  print("  f = \(fit.value) after \(fit.gradientEvaluations) gradients, \(fit.termination)")
#else
  print("OwnFunction needs a Swift toolchain with _Differentiation (swift.org's for Linux and macOS; Xcode's has none)")
#endif
