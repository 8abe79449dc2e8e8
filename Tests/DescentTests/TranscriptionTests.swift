import Descent
import Testing

/// Methods no library implements, against numpy transcriptions of their papers
/// (`Utilities/Reference/numpy_transcriptions.py`), to a relative 1e-12 at each of 50
/// steps on Rosenbrock and the seeded 20-dimensional quadratic.
@Suite struct TranscriptionTests {
  struct Transcriptions: Decodable {
    struct QuadraticData: Decodable {
      let q: [Double]
      let b: [Double]
    }
    struct Case: Decodable {
      let method: String
      let problem: String
      let settings: [String: String]
      let start: [Double]
      let trajectory: [[Double]]
    }
    struct Stream: Decodable {
      let inputs: [[Double]]
      let targets: [Double]
      let weights: [Double]
      let logStepSizes: [Double]
      let trace: [Double]
      let metaStepSize: String
      let initialStepSize: String
    }
    let quadratic: QuadraticData
    let cases: [Case]
    let idbdLeastMeanSquares: Stream
  }

  static let fixtures = try! Fixture.load("transcriptions", as: Transcriptions.self)

  static func name(_ c: Transcriptions.Case) -> String {
    "\(c.method) \(c.settings.keys.contains("direction") ? c.settings["direction"]! + " " : "")on \(c.problem)"
  }

  static var caseNames: [String] { fixtures.cases.map(name) }

  @Test(arguments: caseNames)
  func followsTranscription(_ name: String) throws {
    let reference = try #require(Self.fixtures.cases.first { Self.name($0) == name })
    var optimizer = try OptimizerCatalog.make(reference.method, settings: reference.settings, as: Double.self)
    if reference.problem == "rosenbrock" {
      try follow(&optimizer, Rosenbrock<Double>(), reference)
    } else {
      let data = Self.fixtures.quadratic
      try follow(&optimizer, Quadratic<Double>(curvature: .dense(data.q), linear: data.b), reference)
    }
  }

  func follow<P: Objective>(_ optimizer: inout some Optimizer<Double>, _ problem: P, _ reference: Transcriptions.Case)
    throws where P.Scalar == Double
  {
    var oracle = CountingOracle(problem)
    var w = reference.start
    for (step, expected) in reference.trajectory.enumerated() {
      optimizer.step(&w, oracle: &oracle)
      let distance = relativeDistance(w, expected)
      #expect(distance <= 1e-12, "step \(step + 1): relative distance \(distance)")
      if distance > 1e-12 { return }
    }
  }

  /// IDBD for least mean squares over a 600-example tracking stream.
  @Test func idbdLeastMeanSquaresFollowsTranscription() throws {
    let stream = Self.fixtures.idbdLeastMeanSquares
    var learner = try IDBDLeastMeanSquares<Double>(
      dimension: 20, metaStepSize: Double(stream.metaStepSize)!, initialStepSize: Double(stream.initialStepSize)!)
    for (x, y) in zip(stream.inputs, stream.targets) { try learner.learn(input: x, target: y) }
    #expect(relativeDistance(learner.weights, stream.weights) <= 1e-12)
    #expect(relativeDistance(learner.logStepSizes, stream.logStepSizes) <= 1e-12)
    #expect(relativeDistance(learner.trace, stream.trace) <= 1e-12)
  }
}
