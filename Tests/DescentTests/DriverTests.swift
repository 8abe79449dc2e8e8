import Descent
import DescentProblems
import Testing

@Suite struct DriverTests {
  let rosenbrock = try! Rosenbrock<Double>()

  @Test func traceHasOneRowPerIterationAfterPlanning() throws {
    var csawg = try Csawg<Double>(horizon: 2, planningSteps: 5, corrections: 10)
    let result = try minimize(rosenbrock, from: [-1, 0], using: &csawg, until: .init(maxIterations: 6), trace: true)
    let rows = try #require(result.trace?.rows)
    #expect(rows.map(\.iteration) == Array(0...6))
    // Planning at iterations 4 and 6 (55 evaluations each) is in the row of its iteration.
    #expect(rows.map(\.gradientEvaluations) == [0, 1, 2, 3, 59, 60, 116])
    #expect(rows[0].weights == [-1, 0])
    #expect(rows[0].error == Vector.distance([-1, 0], [1, 1]))
    #expect(rows[3].stepSizes == nil)
    #expect(rows[4].stepSizes != nil)
    #expect(rows.last?.weights == result.minimizer)
    #expect(result.trace!.csv.split(separator: "\n").count == 8)
  }

  /// A row keeps as many leading components of w and α as the run's settings ask.
  @Test func traceWidthIsASettingOfTheRun() throws {
    let wide = try Rosenbrock<Double>(dimension: 12)
    for components in [0, 3, 12, 20] {
      var csawg = try Csawg<Double>()
      let result = try minimize(
        wide, from: wide.defaultStart, using: &csawg, until: .init(maxIterations: 5),
        trace: TraceSettings(components: components))
      let last = try #require(result.trace?.rows.last)
      #expect(last.weights == Array(result.minimizer.prefix(components)))
      #expect(last.stepSizes?.count == min(components, 12))
    }
    var gd = try GradientDescent<Double>()
    #expect(throws: DescentError.self) {
      try minimize(wide, from: wide.defaultStart, using: &gd, trace: TraceSettings(components: -1))
    }
  }

  @Test func stopsOnEvaluationBudget() throws {
    var gd = try GradientDescent<Double>()
    let result = try minimize(
      rosenbrock, from: [-1, 0], using: &gd, until: .init(maxIterations: nil, maxGradientEvaluations: 25))
    #expect(result.termination == .maxGradientEvaluations)
    #expect(result.gradientEvaluations == 25)
  }

  @Test func stopsOnEachTolerance() throws {
    let problem = try Quadratic<Double>(curvature: .diagonal([2, 1]), linear: [1, 1])
    let rules: [(StoppingRules<Double>, Termination)] = [
      (.init(errorTolerance: 1e-6), .errorTolerance),
      (.init(valueTolerance: 1e-9), .valueTolerance),
      (.init(gradientTolerance: 1e-6), .gradientTolerance),
    ]
    for (rule, reason) in rules {
      var gd = try GradientDescent<Double>(learningRate: 0.1)
      let result = try minimize(problem, from: [3, 3], using: &gd, until: rule)
      #expect(result.termination == reason)
      #expect(result.termination.isConverged)
      #expect(result.iterations > 0 && result.iterations < 10_000)
    }
  }

  @Test func callbackCanStopTheRun() throws {
    var gd = try GradientDescent<Double>()
    var seen: [Int] = []
    let result = try minimize(rosenbrock, from: [-1, 0], using: &gd) { row in
      seen.append(row.iteration)
      return row.iteration == 3 ? .stop : .proceed
    }
    #expect(result.termination == .stoppedByCallback)
    #expect(result.iterations == 3)
    #expect(seen == [0, 1, 2, 3])  // row 0, the start, first
  }

  /// A diverging run ends with the non-finite termination and the last finite iterate.
  @Test(arguments: precisions)
  func divergenceReturnsLastFiniteIterate(_ type: any DescentFloat.Type) throws {
    try divergence(type)
  }

  func divergence<S: DescentFloat>(_: S.Type) throws {
    var gd = try GradientDescent<S>(learningRate: 0.01)
    let result = try minimize(
      try Rosenbrock<S>(), from: [-1, 0], using: &gd, until: .init(maxIterations: 1000), trace: true)
    #expect(result.termination.isFailure)
    #expect(result.minimizer.allSatisfy { $0.isFinite })
    #expect(result.trace?.rows.last?.weights == result.minimizer)
    #expect(result.iterations == result.trace!.rows.count - 1)
  }

  @Test func rejectsBadStarts() throws {
    var gd = try GradientDescent<Double>()
    #expect(throws: DescentError.dimensionMismatch(name: "start", expected: 2, actual: 3)) {
      try minimize(rosenbrock, from: [1, 2, 3], using: &gd)
    }
    #expect(throws: DescentError.nonFiniteEntry(name: "start", index: 1, value: "nan")) {
      try minimize(rosenbrock, from: [1, .nan], using: &gd)
    }
  }

  @Test func rejectsBadStoppingRules() throws {
    var gd = try GradientDescent<Double>()
    #expect(throws: DescentError.missingBudget) {
      try minimize(rosenbrock, from: [1, 2], using: &gd, until: .init(maxIterations: nil))
    }
    #expect(throws: DescentError.self) {
      try minimize(rosenbrock, from: [1, 2], using: &gd, until: .init(maxIterations: -1))
    }
    let noMinimiser = try Quadratic<Double>(curvature: .diagonal([1, -1]))
    #expect(noMinimiser.minimizer == nil)
    #expect(throws: DescentError.self) {
      try minimize(noMinimiser, from: [1, 2], using: &gd, until: .init(errorTolerance: 0))
    }
  }

  @Test func oracleCountsEveryEvaluation() throws {
    var oracle = CountingOracle(rosenbrock)
    var g: [Double] = [0, 0]
    _ = oracle.value(at: [0, 0])
    oracle.gradient(at: [0, 0], into: &g)
    _ = oracle.valueAndGradient(at: [0, 0], into: &g)
    oracle.chargeReusedGradient()
    #expect(oracle.valueEvaluations == 2)
    #expect(oracle.gradientEvaluations == 3)
    #expect(oracle.nonFinite == nil)
    oracle.gradient(at: [1e200, 0], into: &g)
    #expect(oracle.nonFinite == .gradient)
  }
}

@Suite struct BestIterateTests {
  /// The paper's Csawg, run long, ends 1e35 away once its squared-gradient sum is
  /// rounding noise; the result keeps the best iterate it saw beside the last.
  @Test func longRunKeepsItsBestIterate() throws {
    var csawg = try Csawg<Double>()
    let result = try minimize(
      try Rosenbrock<Double>(), from: [-1, 0], using: &csawg, until: .init(maxIterations: 30_000),
      callback: { _ in .proceed })
    let best = try #require(result.best)
    #expect(result.endedWorseThanBest)
    #expect(best.value < 1e-20 && best.error! < 1e-10)
    #expect(result.error! > 1)
    #expect(best.iteration < result.iterations)
  }

  /// With every row observed, the best is the lowest f of the trace, and its iterate.
  @Test func bestIsTheLowestObservedValue() throws {
    var heavyBall = try HeavyBall<Double>(learningRate: 0.0015, momentum: 0.99)
    let result = try minimize(
      try Rosenbrock<Double>(), from: [-1, 0], using: &heavyBall, until: .init(maxIterations: 300), trace: true)
    let rows = try #require(result.trace?.rows)
    let lowest = rows.min { $0.value < $1.value }!
    #expect(result.best?.value == lowest.value)
    #expect(result.best?.iteration == lowest.iteration)
    #expect(result.best?.minimizer == lowest.weights)
  }

  /// A run that observes nothing has no best.
  @Test func unobservedRunHasNoBest() throws {
    var gd = try GradientDescent<Double>()
    let result = try minimize(try Rosenbrock<Double>(), from: [-1, 0], using: &gd, until: .init(maxIterations: 3))
    #expect(result.best == nil)
  }
}
