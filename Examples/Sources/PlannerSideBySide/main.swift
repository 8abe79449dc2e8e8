// The paper's Csawg and the safeguarded planner side by side, on the paper's Rosenbrock
// and on chained Rosenbrock, where the paper's method runs away.
//
//   swift run --package-path Examples PlannerSideBySide [dimension]
import Descent
import DescentProblems

let dimension = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 50
for d in [2, dimension] {
  let problem = try Rosenbrock<Double>(dimension: d)
  let start = [-1.0] + [Double](repeating: 0, count: d - 1)
  let rules = StoppingRules<Double>(maxGradientEvaluations: 5_000, errorTolerance: 1e-8)
  var csawg = try Csawg<Double>(learningRate: 0.001, horizon: 2, planningSteps: 5, corrections: 10)
  var planner = try SafeguardedCsawg<Double>(learningRate: 0.001)
  let paper = try minimize(problem, from: start, using: &csawg, until: rules)
  let safeguarded = try minimize(problem, from: start, using: &planner, until: rules)
  print("Rosenbrock, d = \(d), to ‖w − w*‖ ≤ 1e-8 within 5,000 gradients:")
  for (name, result) in [("csawg (P = 5, M = 10)", paper), ("csawg-safeguarded", safeguarded)] {
    let error = result.error.map { "\($0)" } ?? "?"
    print(
      "  \(name.padding(toLength: 22, withPad: " ", startingAt: 0)) \(result.gradientEvaluations) gradients, error \(error), \(result.termination)"
    )
  }
}
