import Descent
import DescentProblems
import Foundation
import Testing

/// Reference data committed under `Fixtures/`, produced by the scripts in
/// `Utilities/Reference/`.
enum Fixture {
  static func load<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "json"))
    return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
  }
}

/// `‖x − y‖∞ / ‖y‖∞`, the relative distance of an iterate from its reference.
func relativeDistance(_ x: [Double], _ reference: [Double]) -> Double {
  let scale = reference.map(abs).max() ?? 0
  let gap = zip(x, reference).map { abs($0 - $1) }.max() ?? 0
  return scale > 0 ? gap / scale : gap
}

/// The seeded 20-dimensional quadratic the reference scripts write beside their runs.
struct FixtureQuadratic: Decodable {
  let q: [Double]
  let b: [Double]

  var problem: Quadratic<Double> {
    get throws { try Quadratic(curvature: .dense(q), linear: b) }
  }
}

/// One reference run: a cataloged method with its settings, a start, and the iterate
/// after each step.
struct TrajectoryCase: Decodable {
  let method: String
  let problem: String
  let settings: [String: String]
  let start: [Double]
  let trajectory: [[Double]]
  /// The relative distance allowed at each step; 1e-12 unless the script says why not.
  let tolerance: Double?

  /// The method with its settings and the problem: unique among the cases.
  var name: String {
    let spec = ([method] + settings.keys.sorted().map { "\($0)=\(settings[$0]!)" }).joined(separator: ":")
    return "\(spec) on \(problem)"
  }

  /// Steps the method along the reference, expecting a relative 1e-12 (or the
  /// case's tolerance) at every step.
  func follow(quadratic: FixtureQuadratic) throws {
    var optimizer = try OptimizerCatalog.make(method, settings: settings, as: Double.self)
    if problem == "rosenbrock" {
      try follow(&optimizer, Rosenbrock<Double>())
    } else {
      try follow(&optimizer, quadratic.problem)
    }
  }

  private func follow<P: Objective>(_ optimizer: inout some Optimizer<Double>, _ objective: P) throws
  where P.Scalar == Double {
    try optimizer.validate(for: objective)
    var oracle = CountingOracle(objective)
    var w = start
    for (step, expected) in trajectory.enumerated() {
      optimizer.step(&w, oracle: &oracle)
      let distance = relativeDistance(w, expected)
      let allowed = tolerance ?? 1e-12
      #expect(distance <= allowed, "\(name), step \(step + 1): relative distance \(distance)")
      if distance > allowed { return }
    }
  }
}
