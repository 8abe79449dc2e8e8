import Descent
import DescentProblems
import Foundation
import Testing

/// Properties every cataloged method must have, checked for each of them.
@Suite struct EveryMethodTests {
  static let problem = try! Quadratic<Double>(curvature: .diagonal([1, 2, 0.5]), linear: [0.5, -1, 0.25])
  static let start: [Double] = [-1, 2, 0.5]

  /// Checkpointing after 7 steps and resuming gives the same iterate after 20 as an
  /// uninterrupted run, bit for bit: the encoded state is the whole state.
  @Test(arguments: OptimizerCatalog.names)
  func checkpointResumesBitForBit(_ name: String) throws {
    let optimizer = try OptimizerCatalog.make(name, as: Double.self)
    try resumes(optimizer)
  }

  func resumes<O: Optimizer<Double>>(_ optimizer: O) throws {
    var straight = optimizer
    let whole = try minimize(Self.problem, from: Self.start, using: &straight, until: .init(maxIterations: 20))
    var first = optimizer
    let half = try minimize(Self.problem, from: Self.start, using: &first, until: .init(maxIterations: 7))
    var resumed = try JSONDecoder().decode(O.self, from: JSONEncoder().encode(first))
    let rest = try minimize(
      Self.problem, from: half.minimizer, using: &resumed,
      until: .init(maxIterations: whole.iterations - half.iterations))
    #expect(rest.minimizer.map(\.bitPattern) == whole.minimizer.map(\.bitPattern))
  }

  /// `update` with a gradient computed outside is exactly `step`, for every method
  /// that offers `update` (those whose step is one gradient and an element-wise update).
  @Test(arguments: OptimizerCatalog.names)
  func updateIsStep(_ name: String) throws {
    guard let optimizer = try OptimizerCatalog.make(name, as: Double.self) as? any GradientUpdate<Double> else {
      return
    }
    try updateMatchesStep(optimizer)
  }

  func updateMatchesStep<O: GradientUpdate<Double>>(_ optimizer: O) throws {
    var (stepped, updated) = (optimizer, optimizer)
    var oracle = CountingOracle(Self.problem)
    var (w, v) = (Self.start, Self.start)
    var gradient = [Double](repeating: 0, count: v.count)
    for _ in 0..<10 {
      stepped.step(&w, oracle: &oracle)
      Self.problem.gradient(at: v, into: &gradient)
      updated.update(&v, gradient: gradient)
    }
    #expect(w.map(\.bitPattern) == v.map(\.bitPattern))
  }

  /// In Float each method follows its Double run to Float's precision.
  @Test(arguments: OptimizerCatalog.names)
  func floatTracksDouble(_ name: String) throws {
    let double = try run(OptimizerCatalog.make(name, as: Double.self), Self.problem, Self.start)
    let floatProblem = try Quadratic<Float>(curvature: .diagonal([1, 2, 0.5]), linear: [0.5, -1, 0.25])
    let single = try run(OptimizerCatalog.make(name, as: Float.self), floatProblem, Self.start.map(Float.init))
    #expect(double.termination == single.termination)
    #expect(relativeDistance(single.minimizer.map(Double.init), double.minimizer) <= 1e-4)
  }

  func run<S: DescentFloat>(_ optimizer: any Optimizer<S>, _ problem: Quadratic<S>, _ start: [S]) throws
    -> MinimizationResult<S>
  {
    try minimize(problem, from: start, with: optimizer, until: .init(maxIterations: 15))
  }
}
