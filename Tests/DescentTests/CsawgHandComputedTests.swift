import Descent
import DescentProblems
import Testing

/// Csawg steps worked out by hand on f(w) = ½ w₁², where the second component's
/// gradient is always zero. Every number is a dyadic fraction, exact in Float and Double.
@Suite struct CsawgHandComputedTests {
  /// f(w) = ½ w₁², with a second component whose gradient stays zero.
  static func problem<S: DescentFloat>(_: S.Type) -> Quadratic<S> {
    try! Quadratic(curvature: .diagonal([1, 0]))
  }

  struct Expected<S: DescentFloat> {
    var w: [S]
    var alpha: [S]?
    var evaluations: Int
  }

  func check<S: DescentFloat>(_ csawg: Csawg<S>, from start: [S], expect rows: [Expected<S>]) {
    var csawg = csawg
    var oracle = CountingOracle(Self.problem(S.self))
    var w = start
    for (index, expected) in rows.enumerated() {
      csawg.step(&w, oracle: &oracle)
      #expect(w == expected.w, "iteration \(index + 1)")
      #expect(csawg.stepSizes == expected.alpha, "α at iteration \(index + 1)")
      #expect(oracle.gradientEvaluations == expected.evaluations, "evaluations at iteration \(index + 1)")
    }
  }

  /// K = 1, γ = 1.5 from (4, 1): the iterate overshoots, so α(1) is negative;
  /// α(2) is 0 by the zero-gradient rule and w₂ never moves.
  @Test(arguments: precisions)
  func horizonOneNegativeStepSize(_ type: any DescentFloat.Type) throws {
    try horizonOne(type)
  }

  func horizonOne<S: DescentFloat>(_: S.Type) throws {
    // k=1: g=(4,0), w=(−2,1). k=2: g=(−2,0), w=(1,1); α = 4·(−2−1)/16 = −0.75;
    // w ← (1 − (−0.75)(−2), 1) = (−0.5, 1), the projection charged as one evaluation.
    // k=3: g=(−0.5,0), w=(0.25,1); α = −2·(1−0.25)/4 = −0.375; w ← 0.25 − 0.1875.
    check(
      try Csawg<S>(learningRate: 1.5, horizon: 1), from: [4, 1],
      expect: [
        Expected(w: [-2, 1], alpha: nil, evaluations: 1),
        Expected(w: [-0.5, 1], alpha: [-0.75, 0], evaluations: 3),
        Expected(w: [0.0625, 1], alpha: [-0.375, 0], evaluations: 5),
      ])
  }

  /// K = 2, γ = 0.5 from (8, 1): planning at iterations 4 and 6, the second window
  /// measuring displacements that include the first jump.
  @Test(arguments: precisions)
  func horizonTwo(_ type: any DescentFloat.Type) throws {
    try checkHorizonTwo(type)
  }

  func checkHorizonTwo<S: DescentFloat>(_: S.Type) throws {
    // k=1..4: w₁ = 4, 2, 1, 0.5 with g = 8, 4, 2, 1.
    // α = (8·(4−1) + 4·(2−0.5)) / (64 + 16) = 30/80 = 0.375; w ← 0.5 − 0.375·1 = 0.125.
    // k=5: g=0.125, w=0.0625. k=6: g=0.0625, w=0.03125.
    // α = (2·(1−0.0625) + 1·(0.5−0.03125)) / (4 + 1) = 2.34375/5 = 0.46875;
    // w ← 0.03125 − 0.46875·0.0625 = 0.001953125.
    check(
      try Csawg<S>(learningRate: 0.5, horizon: 2), from: [8, 1],
      expect: [
        Expected(w: [4, 1], alpha: nil, evaluations: 1),
        Expected(w: [2, 1], alpha: nil, evaluations: 2),
        Expected(w: [1, 1], alpha: nil, evaluations: 3),
        Expected(w: [0.125, 1], alpha: [0.375, 0], evaluations: 5),
        Expected(w: [0.0625, 1], alpha: [0.375, 0], evaluations: 6),
        Expected(w: [0.001953125, 1], alpha: [0.46875, 0], evaluations: 8),
      ])
  }

  /// With a fresh projection gradient, Algorithm 1 projects with ∇f(w_k), not g_k.
  @Test(arguments: precisions)
  func freshProjectionGradient(_ type: any DescentFloat.Type) throws {
    try freshProjection(type)
  }

  func freshProjection<S: DescentFloat>(_: S.Type) throws {
    // As horizonOne, but at k=2 the projection uses ∇f(1, 1) = (1, 0):
    // w ← 1 − (−0.75)·1 = 1.75.
    check(
      try Csawg<S>(learningRate: 1.5, horizon: 1, projectionGradient: .fresh), from: [4, 1],
      expect: [
        Expected(w: [-2, 1], alpha: nil, evaluations: 1),
        Expected(w: [1.75, 1], alpha: [-0.75, 0], evaluations: 3),
      ])
  }

  /// Algorithm 2 by hand: K = 1, P = 2, M = 1, γ = 0.5 from (4, 1).
  @Test(arguments: precisions)
  func repeatedPlanning(_ type: any DescentFloat.Type) throws {
    try repeated(type)
  }

  func repeated<S: DescentFloat>(_: S.Type) throws {
    // k=1: g=4, w=2. k=2: g=2, w=1; α = 4·(2−1)/16 = 0.25.
    // p=1: ∇f(1)=1, w=1−0.25=0.75; correction: w=0.75−0.375=0.375.
    // p=2: ∇f=0.375, w=0.375−0.09375=0.28125; correction: w=0.140625.
    // Cost of the event: P·(1+M) = 4, so 6 evaluations in all.
    check(
      try Csawg<S>(learningRate: 0.5, horizon: 1, planningSteps: 2, corrections: 1), from: [4, 1],
      expect: [
        Expected(w: [2, 1], alpha: nil, evaluations: 1),
        Expected(w: [0.140625, 1], alpha: [0.25, 0], evaluations: 6),
      ])
  }
}
