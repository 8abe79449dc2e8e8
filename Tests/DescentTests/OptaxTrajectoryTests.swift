import Descent
import Testing

/// Every method with an optax counterpart follows optax's trajectory, in Double, to a
/// relative 1e-12 at each of 50 steps, on Rosenbrock and on a seeded random
/// 20-dimensional quadratic. Fixtures: `Utilities/Reference/optax_trajectories.py`.
@Suite struct OptaxTrajectoryTests {
  struct Trajectories: Decodable {
    struct QuadraticData: Decodable {
      let q: [Double]
      let b: [Double]
      let start: [Double]
    }
    struct Case: Decodable {
      let method: String
      let problem: String
      let settings: [String: String]
      let start: [Double]
      let trajectory: [[Double]]
    }
    let quadratic: QuadraticData
    let cases: [Case]
  }

  static let fixtures = try! Fixture.load("optax_trajectories", as: Trajectories.self)

  static var caseNames: [String] { fixtures.cases.map { "\($0.method) on \($0.problem)" } }

  @Test(arguments: caseNames)
  func followsOptax(_ name: String) throws {
    let fixture = Self.fixtures
    let trajectoryCase = try #require(fixture.cases.first { "\($0.method) on \($0.problem)" == name })
    let optimizer = try OptimizerCatalog.make(trajectoryCase.method, settings: trajectoryCase.settings, as: Double.self)
    if trajectoryCase.problem == "rosenbrock" {
      try check(optimizer, on: Rosenbrock<Double>(), trajectoryCase)
    } else {
      let q = try Quadratic<Double>(curvature: .dense(fixture.quadratic.q), linear: fixture.quadratic.b)
      try check(optimizer, on: q, trajectoryCase)
    }
  }

  func check<P: Objective, O: Optimizer>(_ optimizer: O, on problem: P, _ reference: Trajectories.Case) throws
  where P.Scalar == Double, O.Scalar == Double {
    var optimizer = optimizer
    try optimizer.validate(for: problem)
    var oracle = CountingOracle(problem)
    var w = reference.start
    for (step, expected) in reference.trajectory.enumerated() {
      optimizer.step(&w, oracle: &oracle)
      let distance = relativeDistance(w, expected)
      #expect(distance <= 1e-12, "step \(step + 1): relative distance \(distance)")
      if distance > 1e-12 { return }
    }
  }
}
