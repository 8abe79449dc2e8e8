/// When ``minimize(_:from:using:until:trace:callback:progress:)`` stops. The run ends at the
/// first rule met, checked after every outer iteration. The evaluation budgets also
/// hold inside a step: a step that needs more than is left (a planning event, a line
/// search) ends early, and the run ends with the budget's termination.
public struct StoppingRules<Scalar: DescentFloat>: Sendable {
  /// The most outer iterations. Default 10,000.
  public var maxIterations: Int?
  /// The most gradient evaluations, as the oracle counts them.
  public var maxGradientEvaluations: Int?
  /// The most value evaluations (Nelder–Mead's budget; L4, Polyak and LossGrad also
  /// evaluate f).
  public var maxValueEvaluations: Int?
  /// Stop once `‖w − w*‖ ≤ errorTolerance` (needs a known `w*`). 0 asks for exact.
  public var errorTolerance: Scalar?
  /// Stop once `f(w) − f* ≤ valueTolerance` (needs a known `f*`).
  public var valueTolerance: Scalar?
  /// Stop once `‖∇f(w)‖ ≤ gradientTolerance`.
  public var gradientTolerance: Scalar?

  public init(
    maxIterations: Int? = 10_000,
    maxGradientEvaluations: Int? = nil,
    maxValueEvaluations: Int? = nil,
    errorTolerance: Scalar? = nil,
    valueTolerance: Scalar? = nil,
    gradientTolerance: Scalar? = nil
  ) {
    self.maxIterations = maxIterations
    self.maxGradientEvaluations = maxGradientEvaluations
    self.maxValueEvaluations = maxValueEvaluations
    self.errorTolerance = errorTolerance
    self.valueTolerance = valueTolerance
    self.gradientTolerance = gradientTolerance
  }

  /// Throws unless every rule is in range and the run has a budget.
  @usableFromInline
  func validate<Problem: Objective>(for objective: Problem) throws(DescentError)
  where Problem.Scalar == Scalar {
    if let n = maxIterations { try DescentError.require(n >= 0, "max-iterations", n, "an integer ≥ 0") }
    for (name, limit) in [("max-evaluations", maxGradientEvaluations), ("max-value-evaluations", maxValueEvaluations)] {
      if let limit { try DescentError.require(limit >= 0, name, limit, "an integer ≥ 0") }
    }
    guard maxIterations != nil || maxGradientEvaluations != nil || maxValueEvaluations != nil else {
      throw .missingBudget
    }
    for (name, tolerance) in [
      ("error-tolerance", errorTolerance), ("value-tolerance", valueTolerance),
      ("gradient-tolerance", gradientTolerance),
    ] {
      if let tolerance {
        try DescentError.require(
          tolerance >= 0 && tolerance.isFinite, name, tolerance, "a finite number ≥ 0")
      }
    }
    if errorTolerance != nil && objective.minimizer == nil {
      throw .invalidValue(
        name: "error-tolerance", value: "\(errorTolerance!)",
        expected: "a problem with a known minimiser w*")
    }
    if valueTolerance != nil && objective.minimum == nil {
      throw .invalidValue(
        name: "value-tolerance", value: "\(valueTolerance!)",
        expected: "a problem with a known minimum f*")
    }
  }
}
