/// The paper's two headline results, run exactly as `shared/notes/reproduction.md`
/// reads them.
public enum HeadlineExperiments {
  /// Rosenbrock from (−1, 0), Csawg with repeated planning (γ = 0.001, P = 5,
  /// M = 10), run until `w` lands on (1, 1) bit for bit (Yao 2022, Figure 7a).
  public static func rosenbrockRepeatedPlanning(horizon: Int) throws(DescentError)
    -> MinimizationResult<Double>
  {
    var csawg = try Csawg<Double>(learningRate: 0.001, horizon: horizon, planningSteps: 5, corrections: 10)
    return try minimize(
      Rosenbrock<Double>(), from: [-1, 0], using: &csawg,
      until: StoppingRules(maxIterations: 100_000, errorTolerance: 0))
  }

  /// The convex problem `Q = diag(1000, 1)` from (−1, 2), Csawg K = 2 with γ = 0.0009,
  /// for `iterations` iterations (Yao 2022, Figure 3a).
  public static func convex(horizon: Int = 2, iterations: Int) throws(DescentError)
    -> MinimizationResult<Double>
  {
    var csawg = try Csawg<Double>(learningRate: 0.0009, horizon: horizon)
    return try minimize(
      Quadratic<Double>.paperConvex, from: [-1, 2], using: &csawg,
      until: StoppingRules(maxIterations: iterations))
  }

  /// The first iteration at which the convex run's error is exactly zero.
  public static func convexIterationsToZero(horizon: Int = 2) throws(DescentError)
    -> MinimizationResult<Double>
  {
    var csawg = try Csawg<Double>(learningRate: 0.0009, horizon: horizon)
    return try minimize(
      Quadratic<Double>.paperConvex, from: [-1, 2], using: &csawg,
      until: StoppingRules(maxIterations: 100_000, errorTolerance: 0))
  }

  /// The claims `descent reproduce` checks, measured now.
  public static func claims() throws(DescentError) -> [Claim] {
    var claims: [Claim] = []
    for (horizon, paper, paperIteration) in [(2, 458, 17), (10, 465, 79)] {
      let run = try rosenbrockRepeatedPlanning(horizon: horizon)
      let reached = run.termination == .errorTolerance
      let measured = reached ? run.gradientEvaluations : -1
      claims.append(
        Claim(
          id: "rosenbrock.p5.k\(horizon).evaluations_to_zero",
          statement: "Csawg P=5 M=10 K=\(horizon) on Rosenbrock reaches zero error after \(paper) gradient evaluations",
          paper: Double(paper), measured: Double(measured), unit: "gradient evaluations",
          holds: measured == paper,
          note: reached
            ? "zero at iteration \(run.iterations - 1) counted from 0 (paper: \(paperIteration))"
            : "did not reach zero within \(run.iterations) iterations"))
    }
    let convex = try convex(iterations: 500)
    let zero = try convexIterationsToZero()
    let error = convex.error ?? .nan
    claims.append(
      Claim(
        id: "convex.k2.error_at_500",
        statement: "Csawg K=2 on the convex problem reduces the error to zero within 500 iterations",
        paper: 0, measured: error, unit: "‖w − w*‖", holds: error == 0,
        note: "\(error) at iteration 500, not exactly zero; "
          + (zero.termination == .errorTolerance
            ? "exactly zero first at iteration \(zero.iterations)" : "never exactly zero")))
    return claims
  }
}
