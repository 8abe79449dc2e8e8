import Descent
import DescentProblems
import Testing

/// Every method with an optax counterpart follows optax's trajectory, in Double, to a
/// relative 1e-12 at each of 50 steps, on Rosenbrock and on a seeded random
/// 20-dimensional quadratic. Fixtures: `Utilities/Reference/optax_trajectories.py`.
@Suite struct OptaxTrajectoryTests {
  struct Trajectories: Decodable {
    let quadratic: FixtureQuadratic
    let cases: [TrajectoryCase]
  }

  static let fixtures = try! Fixture.load("optax_trajectories", as: Trajectories.self)

  @Test(arguments: fixtures.cases.map(\.name))
  func followsOptax(_ name: String) throws {
    let reference = try #require(Self.fixtures.cases.first { $0.name == name })
    try reference.follow(quadratic: Self.fixtures.quadratic)
  }
}
