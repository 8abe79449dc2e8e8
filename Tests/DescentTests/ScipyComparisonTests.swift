import Descent
import DescentProblems
import Testing

/// L-BFGS against scipy's L-BFGS-B (evaluations within 10 %, same minimiser) and
/// Nelder–Mead against scipy's Nelder–Mead (same counts, same point), on Rosenbrock
/// from (−1.2, 1) and (−1, 0) and on the seeded 20-dimensional quadratic.
/// Fixtures: `Utilities/Reference/scipy_results.py`.
@Suite struct ScipyComparisonTests {
  struct Results: Decodable {
    struct Run: Decodable {
      let method: String
      let problem: String
      let start: [Double]
      let evaluations: Int
      let iterations: Int
      let minimizer: [Double]
    }
    let quadratic: FixtureQuadratic
    let runs: [Run]
  }

  static let fixtures = try! Fixture.load("scipy_results", as: Results.self)

  static var runNames: [String] { fixtures.runs.map(Self.name) }

  static func name(_ run: Results.Run) -> String {
    "\(run.method) on \(run.problem) from (\(run.start[0]), \(run.start[1]), …)"
  }

  @Test(arguments: runNames)
  func matchesScipy(_ name: String) throws {
    let reference = try #require(Self.fixtures.runs.first { Self.name($0) == name })
    let optimizer = try OptimizerCatalog.make(reference.method, as: Double.self)
    let result: MinimizationResult<Double>
    if reference.problem == "rosenbrock" {
      result = try solve(Rosenbrock<Double>(), reference.start, optimizer)
    } else {
      result = try solve(Self.fixtures.quadratic.problem, reference.start, optimizer)
    }
    #expect(result.termination == .methodConverged)
    if reference.method == "nelder-mead" {
      #expect(result.valueEvaluations == reference.evaluations)
      #expect(result.gradientEvaluations == 0)
      #expect(relativeDistance(result.minimizer, reference.minimizer) <= 1e-12)
    } else {
      let evaluations = Double(result.gradientEvaluations)
      #expect(abs(evaluations - Double(reference.evaluations)) <= 0.1 * Double(reference.evaluations))
      #expect(result.valueEvaluations == result.gradientEvaluations)
      #expect(relativeDistance(result.minimizer, reference.minimizer) <= 1e-5)
    }
  }

  func solve<P: Objective, O: Optimizer>(_ problem: P, _ start: [Double], _ optimizer: O) throws
    -> MinimizationResult<Double> where P.Scalar == Double, O.Scalar == Double
  {
    var optimizer = optimizer
    return try minimize(problem, from: start, using: &optimizer, until: .init(maxIterations: 10_000))
  }
}
