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

/// Schedule-free's warm-up, as the authors' code has it (optax's lags a step; see the
/// fixture script): on f = ‖w‖² the first step moves z by γ/T·∇f, and x, the point to
/// evaluate at, is then z itself (the first averaging weight is 1).
@Suite struct ScheduleFreeWarmUpTests {
  @Test func firstStepTakesTheWarmUpsFirstRate() throws {
    func check<S: DescentFloat>(_: S.Type) throws {
      var sgd = try ScheduleFreeSGD<S>(learningRate: 0.1, warmupSteps: 5)
      var w: [S] = [1, 2]
      sgd.update(&w, gradient: w.map { 2 * $0 })
      let expected: [S] = [1 - S(0.1) / 5 * 2, 2 - S(0.1) / 5 * 4]
      #expect(zip(w, expected).allSatisfy { abs($0 - $1) <= 4 * S.ulpOfOne })
      #expect(zip(sgd.evaluationPoint(for: w), expected).allSatisfy { abs($0 - $1) <= 4 * S.ulpOfOne })
      var adamw = try ScheduleFreeAdamW<S>(learningRate: 0.1, warmupSteps: 5)
      var v: [S] = [1, 2]
      adamw.update(&v, gradient: v.map { 2 * $0 })
      // v̂ = g², so the first direction is g/|g| = 1 (ε aside): z moves by γ/T.
      #expect(zip(v, [S(1) - S(0.02), S(2) - S(0.02)]).allSatisfy { abs($0 - $1) <= 1e-6 })
    }
    try check(Float.self)
    try check(Double.self)
  }
}
