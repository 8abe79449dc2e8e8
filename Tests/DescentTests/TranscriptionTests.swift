import Descent
import DescentProblems
import Testing

/// Methods no library implements, against numpy transcriptions of their papers
/// (`Utilities/Reference/numpy_transcriptions.py`), to a relative 1e-12 at each of 50
/// steps on Rosenbrock and the seeded 20-dimensional quadratic.
@Suite struct TranscriptionTests {
  struct Transcriptions: Decodable {
    struct Stream: Decodable {
      let inputs: [[Double]]
      let targets: [Double]
      let weights: [Double]
      let logStepSizes: [Double]
      let trace: [Double]
      let metaStepSize: String
      let initialStepSize: String
    }
    let quadratic: FixtureQuadratic
    let cases: [TrajectoryCase]
    let idbdLeastMeanSquares: Stream
  }

  static let fixtures = try! Fixture.load("transcriptions", as: Transcriptions.self)

  @Test(arguments: fixtures.cases.map(\.name))
  func followsTranscription(_ name: String) throws {
    let reference = try #require(Self.fixtures.cases.first { $0.name == name })
    try reference.follow(quadratic: Self.fixtures.quadratic)
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

/// AdGD's improved rule (2023) and AC-FGM against numpy transcriptions
/// (`Utilities/Reference/parameter_free.py`): the iterate to a relative 1e-12 at each of
/// 50 steps, and the gradients and values counted so far.
@Suite struct ParameterFreeTranscriptionTests {
  struct Transcriptions: Decodable {
    struct Case: Decodable {
      let trajectory: TrajectoryCase
      let gradientEvaluations: [Int]
      let valueEvaluations: [Int]

      init(from decoder: any Decoder) throws {
        trajectory = try TrajectoryCase(from: decoder)
        let c = try decoder.container(keyedBy: Keys.self)
        gradientEvaluations = try c.decode([Int].self, forKey: .gradientEvaluations)
        valueEvaluations = try c.decode([Int].self, forKey: .valueEvaluations)
      }
      enum Keys: String, CodingKey { case gradientEvaluations, valueEvaluations }
    }
    let quadratic: FixtureQuadratic
    let cases: [Case]
  }

  static let fixtures = try! Fixture.load("parameter_free", as: Transcriptions.self)

  @Test(arguments: fixtures.cases.map(\.trajectory.name))
  func followsTranscription(_ name: String) throws {
    let reference = try #require(Self.fixtures.cases.first { $0.trajectory.name == name })
    try reference.trajectory.follow(quadratic: Self.fixtures.quadratic)
    var optimizer = try OptimizerCatalog.make(
      reference.trajectory.method, settings: reference.trajectory.settings, as: Double.self)
    if reference.trajectory.problem == "rosenbrock" {
      try countsFollow(&optimizer, Rosenbrock<Double>(), reference)
    } else {
      try countsFollow(&optimizer, Self.fixtures.quadratic.problem, reference)
    }
  }

  private func countsFollow<P: Objective>(
    _ optimizer: inout some Optimizer<Double>, _ objective: P, _ reference: Transcriptions.Case
  )
    throws where P.Scalar == Double
  {
    var oracle = CountingOracle(objective)
    var w = reference.trajectory.start
    for step in reference.gradientEvaluations.indices {
      optimizer.step(&w, oracle: &oracle)
      #expect(oracle.gradientEvaluations == reference.gradientEvaluations[step], "step \(step + 1)")
      #expect(oracle.valueEvaluations == reference.valueEvaluations[step], "step \(step + 1)")
    }
  }
}
