import Descent
import DescentProblems
import Testing

@Suite struct SafeguardedCsawgTests {
  /// Where no jump is rejected or skipped, the diagonal fit is the paper's Csawg, bit for
  /// bit: on the paper's convex quadratic, Algorithms 1 and 2, over the 30 iterations
  /// before the gradient underflows (gᵀ(α ⊙ g) = 0 from iteration 32, where the
  /// safeguarded planner skips the jumps and Csawg makes them).
  @Test(arguments: [(1, 0), (5, 10)])
  func diagonalFitWithoutRejectionsIsCsawg(planningSteps: Int, corrections: Int) throws {
    let problem = Quadratic<Double>.paperConvex
    var csawg = try Csawg<Double>(
      learningRate: 0.001, horizon: 2, planningSteps: planningSteps, corrections: corrections)
    var safeguarded = try SafeguardedCsawg<Double>(
      learningRate: 0.001, horizon: 2, planningSteps: planningSteps, corrections: corrections, fit: .diagonal)
    var oracle = CountingOracle(problem)
    var safeguardedOracle = CountingOracle(problem)
    var w: [Double] = [-1, 2]
    var v = w
    for n in 1...30 {
      csawg.step(&w, oracle: &oracle)
      safeguarded.step(&v, oracle: &safeguardedOracle)
      #expect(v.map(\.bitPattern) == w.map(\.bitPattern), "iteration \(n)")
    }
    #expect(safeguarded.jumps.rejected == 0)
    #expect(safeguarded.jumps.accepted > 0)
    #expect(safeguardedOracle.gradientEvaluations == oracle.gradientEvaluations)
  }

  /// On chained Rosenbrock (d = 50) the paper's Csawg is thrown to infinity; the
  /// safeguarded planner rejects the jumps that would leave the start's level set and
  /// ends finite, below f(w₀).
  @Test(arguments: [SafeguardedCsawg<Double>.Fit.diagonal, .scalar, .secant])
  func staysFiniteWhereCsawgDiverges(fit: SafeguardedCsawg<Double>.Fit) throws {
    let problem = try Rosenbrock<Double>(dimension: 50)
    let start = [-1.0] + [Double](repeating: 0, count: 49)
    var csawg = try Csawg<Double>(learningRate: 0.001)
    let paper = try minimize(problem, from: start, using: &csawg, until: .init(maxGradientEvaluations: 2_000))
    #expect(paper.termination.isFailure)
    var safeguarded = try SafeguardedCsawg<Double>(learningRate: 0.001, horizon: 2, fit: fit)
    let result = try minimize(problem, from: start, using: &safeguarded, until: .init(maxGradientEvaluations: 2_000))
    #expect(!result.termination.isFailure)
    #expect(result.value < problem.value(at: start))
    if fit == .diagonal { #expect(safeguarded.jumps.rejected > 0) }
  }

  /// The secant fit turns with the problem: on Q and on HQHᵀ (H a reflection), from w₀
  /// and Hw₀, the iterates are reflections of each other.
  @Test func secantFitIsInvariantToRotations() throws {
    let d = 6
    let curvatures: [Double] = [1, 3, 10, 30, 100, 300]
    let v: [Double] = [1, -2, 0.5, 3, -1, 2]
    let vv = v.reduce(0) { $0 + $1 * $1 }
    let h = (0..<(d * d)).map { k in (k / d == k % d ? 1 : 0) - 2 * v[k / d] * v[k % d] / vv }
    func reflect(_ x: [Double]) -> [Double] {
      (0..<d).map { i in (0..<d).reduce(0) { $0 + h[i * d + $1] * x[$1] } }
    }
    var rotated = [Double](repeating: 0, count: d * d)
    for i in 0..<d {
      for j in i..<d {
        rotated[i * d + j] = (0..<d).reduce(0) { $0 + h[i * d + $1] * curvatures[$1] * h[j * d + $1] }
        rotated[j * d + i] = rotated[i * d + j]
      }
    }
    let start: [Double] = [1, -1, 2, 0.5, -0.3, 1.5]
    func run(_ problem: Quadratic<Double>, from w0: [Double]) throws -> [Double] {
      var planner = try SafeguardedCsawg<Double>(
        learningRate: 0.003, horizon: 2, planningSteps: 5, corrections: 10, fit: .secant)
      return try minimize(problem, from: w0, using: &planner, until: .init(maxIterations: 8)).minimizer
    }
    let plain = try run(Quadratic(curvature: .diagonal(curvatures)), from: start)
    let turned = try run(Quadratic(curvature: .dense(rotated)), from: reflect(start))
    #expect(relativeDistance(reflect(plain), turned) < 1e-9)
    #expect(relativeDistance(plain, start) > 0.1)
  }

  /// A gradient step that lands above the reference (here γ = 0.01 > 2/L on the paper's
  /// convex problem, where gradient descent diverges) is undone and γ halved until the
  /// steps are stable; the run converges, in Float and in Double.
  @Test func unstableStepSizeIsHalved() throws {
    func check<S: DescentFloat>(_: S.Type) throws {
      let problem = try Quadratic<S>(curvature: .diagonal([1000, 1]))
      var gd = try GradientDescent<S>(learningRate: 0.01)
      let diverged = try minimize(problem, from: [-1, 2], using: &gd, until: .init(maxGradientEvaluations: 3_000))
      #expect(diverged.termination.isFailure)
      var planner = try SafeguardedCsawg<S>(learningRate: 0.01, horizon: 2)
      let result = try minimize(
        problem, from: [-1, 2], using: &planner, until: .init(maxGradientEvaluations: 3_000, errorTolerance: 1e-3))
      #expect(result.termination == .errorTolerance, "\(S.self): error \(result.error.map { "\($0)" } ?? "unknown")")
      #expect(planner.stepRejections > 0)
      #expect(try #require(planner.currentLearningRate) < 0.002)
    }
    try check(Float.self)
    try check(Double.self)
  }

  /// At its defaults the planner takes no step-size from the user: its steps come from
  /// the pairs it measures, so f and 2¹⁰·f (exact in binary) give the same iterates bit
  /// for bit, in Float and in Double, and it converges on a stiff quadratic where the old
  /// default γ = 0.001 would crawl.
  @Test func defaultsAreScaleFree() throws {
    func check<S: DescentFloat>(_: S.Type) throws {
      let curvatures: [S] = [1000, 300, 10, 1]
      let linear: [S] = [1, -2, 0.5, 3]
      func run(_ c: S) throws -> MinimizationResult<S> {
        let problem = try Quadratic<S>(curvature: .diagonal(curvatures.map { c * $0 }), linear: linear.map { c * $0 })
        var planner = try SafeguardedCsawg<S>()
        return try minimize(problem, from: [1, 1, 1, 1], using: &planner, until: .init(maxGradientEvaluations: 400))
      }
      let plain = try run(1)
      let scaled = try run(1024)
      #expect(plain.minimizer == scaled.minimizer, "\(S.self)")
      #expect(plain.gradientEvaluations == scaled.gradientEvaluations)
      let minimizer = zip(linear, curvatures).map { -$0 / $1 }
      #expect(Vector.distance(plain.minimizer, minimizer) < 1e-3, "\(S.self): \(plain.minimizer)")
      #expect(!plain.termination.isFailure)
    }
    try check(Float.self)
    try check(Double.self)
  }

  /// The memory of the test: 10 for steps from the pairs, every value with a γ, or as set.
  @Test func memoryFollowsTheSteps() throws {
    #expect(try SafeguardedCsawg<Double>().valuesRemembered == 10)
    #expect(try SafeguardedCsawg<Double>(learningRate: 0.001).valuesRemembered == nil)
    #expect(try SafeguardedCsawg<Double>(settings: ["memory": "all"]).valuesRemembered == nil)
    #expect(try SafeguardedCsawg<Double>(settings: ["memory": "3", "learning-rate": "0.1"]).valuesRemembered == 3)
    #expect(throws: DescentError.self) { try SafeguardedCsawg<Double>(settings: ["memory": "-1"]) }
    #expect(throws: DescentError.self) { try SafeguardedCsawg<Double>(settings: ["memory": "some"]) }
  }

  /// Where the curvature along the last step is negative (sᵀy ≤ 0) the steps take the
  /// secant's scale ‖s‖/‖y‖ instead of keeping the first step's 10⁻⁵: from (0, 0), where
  /// Himmelblau's Hessian is negative definite, the defaults reach f ≤ 1e-12 in 17
  /// gradients (1,208 with the step kept), in Float to 1e-5 as fast.
  @Test func stepsGrowWhereTheCurvatureIsNegative() throws {
    struct Himmelblau<S: DescentFloat>: Objective {
      let dimension = 2
      var minimum: S? { 0 }
      func value(at w: UnsafeBufferPointer<S>) -> S {
        let (a, b) = (w[0] * w[0] + w[1] - 11, w[0] + w[1] * w[1] - 7)
        return a * a + b * b
      }
      func gradient(at w: UnsafeBufferPointer<S>, into g: UnsafeMutableBufferPointer<S>) {
        let (a, b) = (w[0] * w[0] + w[1] - 11, w[0] + w[1] * w[1] - 7)
        g[0] = 4 * a * w[0] + 2 * b
        g[1] = 2 * a + 4 * b * w[1]
      }
    }
    var planner = try SafeguardedCsawg<Double>()
    let double = try minimize(
      Himmelblau<Double>(), from: [0, 0], using: &planner,
      until: .init(maxGradientEvaluations: 2_000, valueTolerance: 1e-12))
    #expect(double.gradientEvaluations == 17)
    var single = try SafeguardedCsawg<Float>()
    let float = try minimize(
      Himmelblau<Float>(), from: [0, 0], using: &single,
      until: .init(maxGradientEvaluations: 2_000, valueTolerance: 1e-5))
    #expect(float.gradientEvaluations <= 17, "\(float.gradientEvaluations)")
  }
}
