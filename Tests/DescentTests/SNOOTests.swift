import Descent
import DescentProblems
import Foundation
import Testing

/// SNOO held to the authors' `Snoo` wrapper around torch's SGD, transcribed in float64 by
/// `Utilities/Reference/snoo_reference.py`, and to Lookahead at outer momentum 0.
@Suite struct SNOOTests {
  struct Fixture: Decodable {
    struct Case: Decodable {
      let settings: [String: Double]
      let trajectory: [[Double]]
    }
    let curvature: [Double]
    let target: [Double]
    let start: [Double]
    let cases: [Case]
  }

  @Test(arguments: [0, 1])
  func followsTheAuthorsCode(index: Int) throws {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/snoo_trajectories", withExtension: "json"))
    let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    let problem = MuonTests.BlockQuadratic(
      q: fixture.curvature, target: fixture.target, parameterBlocks: ParameterBlock.vector(fixture.curvature.count))
    let reference = fixture.cases[index]
    var settings = reference.settings.mapValues { $0 == $0.rounded() && $0 >= 1 ? String(Int($0)) : "\($0)" }
    settings["inner"] = "gd"
    var snoo = try OptimizerCatalog.make("snoo", settings: settings, as: Double.self)
    var oracle = CountingOracle(problem)
    var w = fixture.start
    let period = Int(reference.settings["sync-period"]!)
    for (step, expected) in reference.trajectory.enumerated() {
      snoo.step(&w, oracle: &oracle)
      // The script records each point after its inner step, the outer step coming before
      // the next one; here a K-th step ends on the outer step. The same operations in the
      // same order: compared where no outer step has just been taken.
      guard (step + 1) % period != 0 else { continue }
      let distance = relativeDistance(w, expected)
      #expect(distance <= 1e-12, "case \(index), step \(step + 1): relative distance \(distance)")
      if distance > 1e-12 { return }
    }
  }

  /// At outer momentum 0 SNOO is Lookahead with α = η, bit for bit, around any method.
  @Test(arguments: ["adam", "heavy-ball", "csawg-safeguarded"])
  func atMomentumZeroItIsLookahead(inner: String) throws {
    let problem = try Rosenbrock<Double>()
    var snoo = try OptimizerCatalog.make(
      "snoo", settings: ["inner": inner, "sync-period": "4", "outer-learning-rate": "0.6", "outer-momentum": "0"],
      as: Double.self)
    var lookahead = try OptimizerCatalog.make(
      "lookahead", settings: ["inner": inner, "sync-period": "4", "slow-step-size": "0.6"], as: Double.self)
    let rules = StoppingRules<Double>(maxIterations: 300)
    let a = try minimize(problem, from: [-1.2, 1], using: &snoo, until: rules)
    let b = try minimize(problem, from: [-1.2, 1], using: &lookahead, until: rules)
    #expect(a.minimizer.map(\.bitPattern) == b.minimizer.map(\.bitPattern), "\(inner)")
    #expect(a.gradientEvaluations == b.gradientEvaluations && a.valueEvaluations == b.valueEvaluations)
    // And with momentum it moves otherwise.
    var moving = try OptimizerCatalog.make("snoo", settings: ["inner": inner, "sync-period": "4"], as: Double.self)
    let c = try minimize(problem, from: [-1.2, 1], using: &moving, until: rules)
    #expect(c.minimizer != b.minimizer)
  }
}
