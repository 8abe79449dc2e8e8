import Descent
import DescentProblems
import Testing

/// L-BFGS's own stopping tests never end a run before a tolerance the user asked of
/// the run, unless the user set them too; a run they end names the test and its value.
@Suite struct LBFGSToleranceTests {
  let problem: DiagonalQuadratic<Double>

  init() throws { problem = try DiagonalQuadratic(dimension: 100, condition: 1e3) }

  @Test func theRunsToleranceIsHonoured() throws {
    var lbfgs = try LBFGS<Double>()
    let result = try minimize(
      problem, from: problem.defaultStart, using: &lbfgs,
      until: StoppingRules(maxGradientEvaluations: 5_000, gradientTolerance: 1e-9))
    #expect(result.termination == .gradientTolerance)
    var g = [Double](repeating: 0, count: problem.dimension)
    problem.gradient(at: result.minimizer, into: &g)
    #expect(Vector.norm(g) <= 1e-9)
  }

  @Test func aTestTheUserSetIsKept() throws {
    var lbfgs = try LBFGS<Double>(maxGradientTolerance: 1e-4)
    let result = try minimize(
      problem, from: problem.defaultStart, using: &lbfgs,
      until: StoppingRules(maxGradientEvaluations: 5_000, gradientTolerance: 1e-9))
    #expect(result.termination == .methodConverged)
    #expect(result.terminationReason?.hasPrefix("max|gᵢ| = ") == true)
    #expect(result.terminationReason?.hasSuffix("≤ max-gradient-tolerance 0.0001") == true)
  }

  /// Without a tolerance of the run's, scipy's tests stop it, and say which.
  @Test func scipysTestsStopARunWithoutTolerances() throws {
    var lbfgs = try LBFGS<Double>()
    let result = try minimize(
      problem, from: problem.defaultStart, using: &lbfgs, until: StoppingRules(maxGradientEvaluations: 5_000))
    #expect(result.termination == .methodConverged)
    #expect(result.terminationReason?.contains("tolerance") == true)
  }
}
