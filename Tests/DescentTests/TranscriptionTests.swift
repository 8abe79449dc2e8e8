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
