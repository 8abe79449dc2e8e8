import Descent
import DescentProblems
import Testing

/// Each method evaluates at a trial point only what it needs there, as its paper counts.
@Suite struct FairCountTests {
  /// Raydan's GBB evaluates f at each trial of its line search and ∇f only where it
  /// moves: over 50 iterations, 51 gradients (the start's and one a step), whatever
  /// the backtracking (before: 63 on Rosenbrock, 57 on Beale).
  @Test(arguments: ["rosenbrock", "beale", "diagonal-quadratic"])
  func barzilaiBorweinEvaluatesTheGradientWhereItMoves(problem name: String) throws {
    let problem = try ProblemCatalog.make(name, as: Double.self)
    var bb = try BarzilaiBorwein<Double>()
    let result = try minimize(problem, from: problem.defaultStart, using: &bb, until: .init(maxIterations: 50))
    #expect(result.iterations == 50)
    #expect(result.gradientEvaluations == 51)
    #expect(result.valueEvaluations > result.gradientEvaluations || name == "diagonal-quadratic")
  }
}
