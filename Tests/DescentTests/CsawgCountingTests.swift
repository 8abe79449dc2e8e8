import Descent
import DescentProblems
import Testing

@Suite struct CsawgCountingTests {
  /// Planning events happen at iterations 2K, 3K, …, each costing P·(1 + M).
  @Test(arguments: [(1, 1, 0), (2, 1, 0), (2, 5, 10), (3, 2, 4), (10, 5, 10), (7, 3, 0)])
  func planningEventCostsPTimesOnePlusM(horizon: Int, planningSteps: Int, corrections: Int) throws {
    let problem = try Rosenbrock<Double>()
    var csawg = try Csawg<Double>(
      learningRate: 1e-4, horizon: horizon, planningSteps: planningSteps, corrections: corrections)
    #expect(csawg.evaluationsPerPlanningEvent == planningSteps * (1 + corrections))
    var oracle = CountingOracle(problem)
    var w: [Double] = [-1, 0]
    for n in 1...60 {
      csawg.step(&w, oracle: &oracle)
      let events = max(0, n / horizon - 1)
      #expect(oracle.gradientEvaluations == n + events * planningSteps * (1 + corrections), "n=\(n)")
      #expect((csawg.stepSizes != nil) == (n >= 2 * horizon))
    }
    #expect(oracle.valueEvaluations == 0)
  }

  /// The paper's headline counts: Rosenbrock from (−1, 0), γ = 0.001, P = 5, M = 10,
  /// exact zero error after 458 (K = 2) and 465 (K = 10) gradient evaluations, at
  /// iterations 17 and 79 counted from 0.
  @Test(arguments: [(2, 458, 18), (10, 465, 80)])
  func paperEvaluationsToExactZero(horizon: Int, evaluations: Int, iterations: Int) throws {
    var csawg = try Csawg<Double>(learningRate: 0.001, horizon: horizon, planningSteps: 5, corrections: 10)
    let result = try minimize(
      try Rosenbrock<Double>(), from: [-1, 0], using: &csawg, until: .init(maxIterations: 1_000, errorTolerance: 0))
    #expect(result.termination == .errorTolerance)
    #expect(result.gradientEvaluations == evaluations)
    #expect(result.iterations == iterations)
    #expect(result.minimizer == [1, 1])
  }

  /// One iteration fewer, and the iterate is not yet on w*: the count is the first.
  @Test func zeroIsNotReachedEarlier() throws {
    var csawg = try Csawg<Double>(learningRate: 0.001, horizon: 2, planningSteps: 5, corrections: 10)
    let result = try minimize(try Rosenbrock<Double>(), from: [-1, 0], using: &csawg, until: .init(maxIterations: 17))
    #expect(result.error! > 0)
  }
}
