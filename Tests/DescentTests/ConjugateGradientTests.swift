import Descent
import DescentProblems
import Testing

/// Conjugate gradient against a Python transcription of Optim.jl's `ConjugateGradient()`
/// with LineSearches.jl's `HagerZhang()` (`Utilities/Reference/cg_descent.py`): on
/// Rosenbrock from (−1.2, 1) and (−1, 0) and on the seeded 20-dimensional quadratic, the
/// iterate after every iteration within the case's tolerance and the cumulative counts of
/// f and ∇f equal to the reference's. The run here matches the transcription bit for bit;
/// the tolerances are the script's, for the last-bit changes (an fma in Julia's trial
/// points, another order of sums) that grow along a run, where a wrong formula moves the
/// iterate by O(1).
@Suite struct ConjugateGradientTests {
  struct Reference: Decodable {
    struct Case: Decodable {
      let problem: String
      let start: [Double]
      let trajectory: [[Double]]
      let valueEvaluations: [Int]
      let gradientEvaluations: [Int]
      let tolerance: Double
      /// The iterations whose counts do not hang on rounding; all where absent.
      let exactCounts: Int?
    }
    let quadratic: FixtureQuadratic
    let cases: [Case]
  }

  static let fixtures = try! Fixture.load("cg_descent", as: Reference.self)

  static var caseNames: [String] { fixtures.cases.map(Self.name) }

  static func name(_ reference: Reference.Case) -> String {
    "\(reference.problem) from (\(reference.start[0]), \(reference.start[1]), …)"
  }

  @Test(arguments: caseNames)
  func followsOptim(_ name: String) throws {
    let reference = try #require(Self.fixtures.cases.first { Self.name($0) == name })
    if reference.problem == "rosenbrock" {
      try follow(Rosenbrock<Double>(), reference)
    } else {
      try follow(Self.fixtures.quadratic.problem, reference)
    }
  }

  func follow<P: Objective>(_ problem: P, _ reference: Reference.Case) throws where P.Scalar == Double {
    var cg = try ConjugateGradient<Double>()
    var oracle = CountingOracle(problem)
    var w = reference.start
    for (k, expected) in reference.trajectory.enumerated() {
      cg.step(&w, oracle: &oracle)
      let distance = relativeDistance(w, expected)
      #expect(distance <= reference.tolerance, "iteration \(k + 1): relative distance \(distance)")
      if k < reference.exactCounts ?? reference.trajectory.count {
        #expect(
          oracle.valueEvaluations == reference.valueEvaluations[k]
            && oracle.gradientEvaluations == reference.gradientEvaluations[k],
          "iteration \(k + 1): f \(oracle.valueEvaluations), ∇f \(oracle.gradientEvaluations)")
      }
      if distance > reference.tolerance { return }
    }
  }

  /// In Float, from (−1.2, 1): ∇f small and nothing non-finite on the way. max|gᵢ| stays
  /// above Optim's 1e-8 in Float; the run ends by Optim's other test, once rounding stops w
  /// (after 27 iterations, with max|gᵢ| about 5e-5).
  @Test func floatRosenbrock() throws {
    var cg = try ConjugateGradient<Float>()
    let problem = try Rosenbrock<Float>()
    let result = try minimize(problem, from: [-1.2, 1], using: &cg, until: .init(maxIterations: 500))
    #expect(result.termination == .methodConverged, "\(result.termination)")
    var gradient: [Float] = [0, 0]
    problem.gradient(at: result.minimizer, into: &gradient)
    #expect(Vector.maxMagnitude(gradient) <= 1e-3, "∇f = \(gradient) after \(result.iterations) iterations")
  }
}
