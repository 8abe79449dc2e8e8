import Descent
import DescentProblems

/// Several methods on one problem under one budget: how many evaluations each needs
/// to bring ‖w − w*‖ below each of a few thresholds.
///
/// An evaluation is a call for f, ∇f or both: the cost of a row is the larger of its
/// value and gradient counts (one for a gradient step, for L-BFGS's joint evaluation
/// and for Nelder–Mead's value; two for LossGrad, which also evaluates f after its step).
public struct Comparison<Scalar: DescentFloat>: Sendable {
  /// One method's line.
  public struct Entry: Sendable {
    public let method: String
    /// Evaluations at the first iteration within each threshold; nil where not reached.
    public let evaluationsToReach: [Int?]
    public let finalError: Scalar
    public let evaluations: Int
    public let termination: Termination
    /// The run itself: counts, last and best iterate.
    public let result: MinimizationResult<Scalar>
  }

  /// The paper's accuracy levels: 1e-3 (GD's after 10,000 evaluations), 1e-6, 1e-10
  /// (Nelder–Mead's, in the paper's conclusion).
  public static var defaultThresholds: [Scalar] { [1e-3, 1e-6, 1e-10] }

  public let thresholds: [Scalar]
  public let budget: Int
  public let entries: [Entry]

  /// Runs each `(name, optimizer)` from `start` until `budget` evaluations or exact
  /// convergence to `w*`.
  /// - Throws: ``DescentError`` when the problem has no known `w*`, the budget is
  ///   negative, or a run is refused.
  public init(
    problem: any Objective<Scalar>, start: [Scalar], optimizers: [(name: String, optimizer: any Optimizer<Scalar>)],
    budget: Int, thresholds: [Scalar] = Comparison.defaultThresholds
  ) throws(DescentError) {
    guard problem.minimizer != nil else {
      throw .invalidValue(name: "problem", value: "without a known w*", expected: "a problem whose minimiser is known")
    }
    try DescentError.require(budget >= 0, "max-evaluations", budget, "an integer ≥ 0")
    let rules = StoppingRules<Scalar>(
      maxIterations: nil, maxGradientEvaluations: budget, maxValueEvaluations: budget, errorTolerance: 0)
    var entries: [Entry] = []
    for (name, optimizer) in optimizers {
      // Rows are watched as they come, not kept: a long budget keeps no trace.
      var reached = [Int?](repeating: nil, count: thresholds.count)
      let result = try minimize(problem, from: start, with: optimizer, until: rules) { row in
        for (index, threshold) in thresholds.enumerated()
        where reached[index] == nil && (row.error ?? .infinity) <= threshold {
          reached[index] = max(row.gradientEvaluations, row.valueEvaluations)
        }
        return .proceed
      }
      entries.append(
        Entry(
          method: name, evaluationsToReach: reached, finalError: result.error ?? .nan,
          evaluations: max(result.gradientEvaluations, result.valueEvaluations), termination: result.termination,
          result: result))
    }
    self.thresholds = thresholds
    self.budget = budget
    self.entries = entries
  }
}
