import Descent
import DescentProblems
import Testing

/// The property that makes each method what it is, checked directly.
@Suite struct MethodPropertyTests {
  /// Polyak's step is (f − f*)/‖g‖², and the iterate moves by exactly that times g.
  @Test(arguments: precisions)
  func polyakStepSize(_ type: any DescentFloat.Type) throws {
    try polyak(type)
  }

  func polyak<S: DescentFloat>(_: S.Type) throws {
    // f = ½(2w₁² + w₂²) + w₁ from (1, 2): f = 1 + 2 + 1 = 4, f* = −1/4, g = (3, 2), ‖g‖² = 13.
    let problem = try Quadratic<S>(curvature: .diagonal([2, 1]), linear: [1, 0])
    var polyak = try PolyakStepSize<S>()
    var oracle = CountingOracle(problem)
    var w: [S] = [1, 2]
    polyak.step(&w, oracle: &oracle)
    let alpha: S = 4.25 / 13
    let expected: [S] = [1 - alpha * 3, 2 - alpha * 2]
    #expect(polyak.stepSizes == [alpha])
    #expect(w == expected)
    #expect(oracle.valueEvaluations == 1 && oracle.gradientEvaluations == 1)
    // Refused where f* is unknown and not given.
    var unknown = try PolyakStepSize<S>()
    #expect(throws: DescentError.self) {
      try minimize(try Quadratic<S>(curvature: .diagonal([1, -1])), from: [1, 1], using: &unknown)
    }
  }

  /// On f = ½ q w², a gradient step of size h has error ratio r = q·h/2: LossGrad
  /// raises h (×c) exactly when r ≤ ½ and lowers it (÷c) when r > ½.
  @Test(arguments: [(0.5, 0.25, true), (1.0, 0.5, true), (1.5, 0.75, false), (1.25, 0.625, false)])
  func lossGradRaisesBelowOneHalf(step: Double, ratio: Double, raises: Bool) throws {
    let problem = try Quadratic<Double>(curvature: .diagonal([1]))
    var lossGrad = try LossGrad<Double>(learningRate: step, factor: 1.25)
    var oracle = CountingOracle(problem)
    var w = [2.0]
    lossGrad.step(&w, oracle: &oracle)
    #expect(abs(lossGrad.errorRatio - ratio) <= 1e-15)
    #expect(lossGrad.stepSizes == [raises ? step * 1.25 : step / 1.25])
    #expect(oracle.valueEvaluations == 2 && oracle.gradientEvaluations == 1)
  }

  /// IDBD's trace decay is max(0, 1 − α x²): it is zeroed, not negated, once α·x² ≥ 1.
  @Test func idbdClipsTheTraceDecayAtZero() throws {
    // α₀ = 0.75, x = 2: α x² = 3 ≥ 1. Second example: h = 0·h + α δ x.
    var learner = try IDBDLeastMeanSquares<Double>(dimension: 1, metaStepSize: 0, initialStepSize: 0.75)
    try learner.learn(input: [2], target: 1)
    let h = learner.trace[0]
    #expect(h == 0.75 * 1 * 2)  // from h = 0
    let delta = try learner.learn(input: [2], target: 1)
    #expect(learner.trace[0] == 0.75 * delta * 2, "the old trace \(h) must be dropped")
    // Below the threshold (α x² = 0.75 < 1) the trace decays by 1 − α x².
    var small = try IDBDLeastMeanSquares<Double>(dimension: 1, metaStepSize: 0, initialStepSize: 0.75)
    try small.learn(input: [1], target: 1)
    let kept = small.trace[0]
    let secondDelta = try small.learn(input: [1], target: 1)
    #expect(abs(small.trace[0] - (kept * 0.25 + 0.75 * secondDelta)) <= 1e-15)
  }

  /// SGD-HD moves its step-size by β·g_tᵀg_{t−1}, and not on the first step.
  @Test func hypergradientStep() throws {
    let problem = try Quadratic<Double>(curvature: .diagonal([1, 2]))
    var hd = try HypergradientDescent<Double>(learningRate: 0.25, hypergradientRate: 0.5)
    var oracle = CountingOracle(problem)
    var w: [Double] = [4, 2]
    hd.step(&w, oracle: &oracle)  // g = (4, 4): w = (3, 1)
    #expect(hd.stepSizes == [0.25] && w == [3, 1])
    hd.step(&w, oracle: &oracle)  // g = (3, 2): α = 0.25 + 0.5·(12 + 8) = 10.25
    let expected: [Double] = [3 - 10.25 * 3, 1 - 10.25 * 2]
    #expect(hd.stepSizes == [10.25])
    #expect(w == expected)
  }

  /// L4's first step: L_min = γ₀L₀, so η = α(1 − γγ₀)L₀ / (ĝᵀv + ε) with ĝ = v = g.
  @Test func l4FirstStep() throws {
    let problem = try Quadratic<Double>(curvature: .diagonal([1, 1]))
    var l4 = try L4<Double>(direction: .momentum)
    var oracle = CountingOracle(problem)
    var w: [Double] = [3, 4]
    l4.step(&w, oracle: &oracle)
    let expected = 0.15 * (1 - 0.9 * 0.75) * 12.5 / (25 + 1e-12)
    #expect(abs(l4.stepSizes![0] - expected) <= 1e-14)
  }
}
