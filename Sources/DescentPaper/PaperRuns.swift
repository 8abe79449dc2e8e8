import Descent
import DescentPlot
import DescentProblems

/// The runs behind the paper's figures and claims, each made once per report and
/// shared by every figure and claim that needs it. Settings are the paper's, read as
/// docs/paper.md ("How the paper is read") gives them; all runs are in Double.
public struct PaperRuns: Sendable {
  /// Iterations plotted for the convex problem (Figures 3 and 4). 5,000 is the range
  /// in which Csawg K1000's α reaches about 0.97, as the paper's Figure 4 shows.
  public static let convexIterations = 5_000
  /// Gradient evaluations plotted on Rosenbrock for single planning (Figure 5a).
  public static let rosenbrockEvaluations = 20_000
  /// Gradient evaluations plotted in Figure 9, and where speed-ups are measured.
  public static let comparisonEvaluations = 10_000
  /// Iterations plotted for repeated planning (Figures 7 and 8).
  public static let repeatedIterations = 1_000

  public static let convexStart: [Double] = [-1, 2]
  public static let rosenbrockStart: [Double] = [-1, 0]
  public static let gdLearningRates: [Double] = [0.0005, 0.001, 0.0015, 0.002]

  private var cache: [String: MinimizationResult<Double>] = [:]
  /// Called with a line each time a run starts.
  private let progress: @Sendable (String) -> Void

  public init(progress: @escaping @Sendable (String) -> Void = { _ in }) {
    self.progress = progress
  }

  /// Runs (or recalls) the run `key`. Generic, so each run's driver is specialised
  /// to its problem and method.
  mutating func run<Problem: Objective, Method: Optimizer>(
    _ key: String, _ problem: Problem, _ start: [Double],
    _ optimizer: () throws(DescentError) -> Method,
    _ rules: StoppingRules<Double>
  ) throws(DescentError) -> MinimizationResult<Double> where Problem.Scalar == Double, Method.Scalar == Double {
    if let cached = cache[key] { return cached }
    progress(key)
    var method = try optimizer()
    let result = try minimize(problem, from: start, using: &method, until: rules, trace: true)
    cache[key] = result
    return result
  }

  // MARK: The convex problem, Q = diag(1000, 1), from (−1, 2).

  static let lipschitz = 1000.0
  static let strongConvexity = 1.0

  public mutating func convexGD() throws(DescentError) -> MinimizationResult<Double> {
    try run(
      "convex gd γ=0.00099", Quadratic.paperConvex, Self.convexStart,
      { () throws(DescentError) in try GradientDescent<Double>(learningRate: 0.00099) },
      StoppingRules(maxIterations: Self.convexIterations))
  }

  public mutating func convexNesterov() throws(DescentError) -> MinimizationResult<Double> {
    try run(
      "convex nesterov", Quadratic.paperConvex, Self.convexStart,
      { () throws(DescentError) in
        try Nesterov<Double>.stronglyConvex(lipschitz: Self.lipschitz, strongConvexity: Self.strongConvexity)
      },
      StoppingRules(maxIterations: Self.convexIterations))
  }

  public mutating func convexHeavyBall() throws(DescentError) -> MinimizationResult<Double> {
    try run(
      "convex heavy ball", Quadratic.paperConvex, Self.convexStart,
      { () throws(DescentError) in
        try HeavyBall<Double>.stronglyConvex(lipschitz: Self.lipschitz, strongConvexity: Self.strongConvexity)
      },
      StoppingRules(maxIterations: Self.convexIterations))
  }

  public mutating func convexCsawg(horizon: Int) throws(DescentError) -> MinimizationResult<Double> {
    try run(
      "convex csawg K=\(horizon)", Quadratic.paperConvex, Self.convexStart,
      { () throws(DescentError) in try Csawg<Double>(learningRate: 0.0009, horizon: horizon) },
      StoppingRules(maxIterations: Self.convexIterations))
  }

  // MARK: Rosenbrock from (−1, 0).

  public mutating func rosenbrockGD(learningRate: Double) throws(DescentError) -> MinimizationResult<Double> {
    try run(
      "rosenbrock gd γ=\(learningRate)", try Rosenbrock<Double>(), Self.rosenbrockStart,
      { () throws(DescentError) in try GradientDescent<Double>(learningRate: learningRate) },
      StoppingRules(maxIterations: nil, maxGradientEvaluations: Self.rosenbrockEvaluations))
  }

  /// The best of the paper's GD grid: the lowest error after 20,000 evaluations.
  public mutating func bestRosenbrockGD() throws(DescentError) -> (
    learningRate: Double, result: MinimizationResult<Double>
  ) {
    var best: (Double, MinimizationResult<Double>)?
    for rate in Self.gdLearningRates {
      let result = try rosenbrockGD(learningRate: rate)
      let error = result.termination.isFailure ? .infinity : result.error!
      if best == nil || error < (best!.1.termination.isFailure ? .infinity : best!.1.error!) { best = (rate, result) }
    }
    return best!
  }

  public mutating func rosenbrockCsawg(
    horizon: Int, learningRate: Double, projection: ProjectionGradient? = nil
  ) throws(DescentError) -> MinimizationResult<Double> {
    let label = projection.map { " \($0.rawValue)" } ?? ""
    return try run(
      "rosenbrock csawg K=\(horizon) γ=\(learningRate)\(label)", try Rosenbrock<Double>(), Self.rosenbrockStart,
      { () throws(DescentError) in
        try Csawg<Double>(learningRate: learningRate, horizon: horizon, projectionGradient: projection)
      },
      StoppingRules(maxIterations: nil, maxGradientEvaluations: Self.rosenbrockEvaluations))
  }

  /// Repeated planning, P = 5, M = 10, γ = 0.001, until w lands on (1, 1) or 1,000 iterations.
  public mutating func rosenbrockRepeated(horizon: Int) throws(DescentError) -> MinimizationResult<Double> {
    try run(
      "rosenbrock csawg P=5 M=10 K=\(horizon)", try Rosenbrock<Double>(), Self.rosenbrockStart,
      { () throws(DescentError) in
        try Csawg<Double>(learningRate: 0.001, horizon: horizon, planningSteps: 5, corrections: 10)
      },
      StoppingRules(maxIterations: Self.repeatedIterations, errorTolerance: 0))
  }

  /// A Figure 9 run, for `budget` gradient evaluations or until exactly w*.
  public mutating func comparison<Method: Optimizer<Double>>(
    _ name: String, _ optimizer: () throws(DescentError) -> Method
  ) throws(DescentError) -> MinimizationResult<Double> {
    try run(
      "rosenbrock \(name)", try Rosenbrock<Double>(), Self.rosenbrockStart, optimizer,
      StoppingRules(maxIterations: nil, maxGradientEvaluations: Self.comparisonEvaluations, errorTolerance: 0))
  }

  // MARK: Beyond the paper: the paper's Csawg and the safeguarded planner (Figure S1).

  /// Chained Rosenbrock's dimension, and the gradient evaluations each Figure S1 run gets.
  public static let chainedDimension = 50
  public static let beyondEvaluations = 10_000

  /// The two coupled problems of Figure S1: chained Rosenbrock (d = 50) from
  /// (−1, 0, …, 0), and the rotated quadratic (d = 100, κ = 10³, seed 0) from its seeded start.
  public enum CoupledProblem: String, CaseIterable, Sendable {
    case chainedRosenbrock = "chained Rosenbrock, d = 50"
    case rotatedQuadratic = "rotated quadratic, d = 100, κ = 1e3"
  }

  /// The Figure S1 methods: the paper's Csawg (Algorithms 1 and 2, K = 2) and the
  /// safeguarded planner at its defaults but for γ and, for the second, P and M; γ = 0.001 = 1/L
  /// on the quadratic and the paper's Rosenbrock rate on the chain.
  public enum CoupledMethod: String, CaseIterable, Sendable {
    case gd = "GD"
    case csawg = "Csawg K2"
    case csawgRepeated = "Csawg-p5 K2"
    case safeguarded = "safeguarded"
    case safeguardedRepeated = "safeguarded-p5"
  }

  public mutating func coupled(_ problem: CoupledProblem, _ method: CoupledMethod) throws(DescentError)
    -> MinimizationResult<Double>
  {
    switch problem {
    case .chainedRosenbrock:
      let start = [-1.0] + [Double](repeating: 0, count: Self.chainedDimension - 1)
      return try coupled(problem, method, try Rosenbrock<Double>(dimension: Self.chainedDimension), start)
    case .rotatedQuadratic:
      let quadratic = try RotatedQuadratic<Double>(dimension: 100, condition: 1e3, seed: 0)
      return try coupled(problem, method, quadratic, quadratic.defaultStart)
    }
  }

  mutating func coupled<Problem: Objective>(
    _ problem: CoupledProblem, _ method: CoupledMethod, _ objective: Problem, _ start: [Double]
  ) throws(DescentError) -> MinimizationResult<Double> where Problem.Scalar == Double {
    let key = "\(problem.rawValue) \(method.rawValue)"
    let rules = StoppingRules<Double>(
      maxIterations: nil, maxGradientEvaluations: Self.beyondEvaluations, errorTolerance: 0)
    let gamma = 0.001
    switch method {
    case .gd:
      return try run(
        key, objective, start, { () throws(DescentError) in try GradientDescent<Double>(learningRate: gamma) }, rules)
    case .csawg:
      return try run(
        key, objective, start, { () throws(DescentError) in try Csawg<Double>(learningRate: gamma) }, rules)
    case .csawgRepeated:
      return try run(
        key, objective, start,
        { () throws(DescentError) in try Csawg<Double>(learningRate: gamma, planningSteps: 5, corrections: 10) }, rules)
    case .safeguarded:
      return try run(
        key, objective, start, { () throws(DescentError) in try SafeguardedCsawg<Double>(learningRate: gamma) }, rules)
    case .safeguardedRepeated:
      return try run(
        key, objective, start,
        { () throws(DescentError) in
          try SafeguardedCsawg<Double>(learningRate: gamma, horizon: 2, planningSteps: 5, corrections: 10)
        }, rules)
    }
  }

  /// The safeguarded planner at its defaults with the paper's repeated-planning settings
  /// (γ = 0.001, P = 5, M = 10, K = 2 or 10) on the paper's Rosenbrock, until w lands on (1, 1).
  public mutating func rosenbrockSafeguarded(horizon: Int) throws(DescentError) -> MinimizationResult<Double> {
    try run(
      "rosenbrock safeguarded P=5 M=10 K=\(horizon)", try Rosenbrock<Double>(), Self.rosenbrockStart,
      { () throws(DescentError) in
        try SafeguardedCsawg<Double>(learningRate: 0.001, horizon: horizon, planningSteps: 5, corrections: 10)
      },
      StoppingRules(maxIterations: nil, maxGradientEvaluations: Self.beyondEvaluations, errorTolerance: 0))
  }
}
