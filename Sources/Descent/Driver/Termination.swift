/// Why a run ended.
public enum Termination: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
  case maxIterations = "max-iterations"
  case maxGradientEvaluations = "max-evaluations"
  case maxValueEvaluations = "max-value-evaluations"
  case errorTolerance = "error-tolerance"
  case valueTolerance = "value-tolerance"
  case gradientTolerance = "gradient-tolerance"
  /// `f` came back NaN or infinite; the result holds the last finite iterate.
  case nonFiniteValue = "non-finite-value"
  /// `∇f` came back NaN or infinite; the result holds the last finite iterate.
  case nonFiniteGradient = "non-finite-gradient"
  /// The step produced a NaN or infinite weight; the result holds the last finite iterate.
  case nonFiniteIterate = "non-finite-iterate"
  case stoppedByCallback = "stopped-by-callback"
  /// The method's own convergence test (Nelder–Mead's simplex tolerances).
  case methodConverged = "method-converged"
  /// A line search found no step that satisfies its conditions.
  case lineSearchFailed = "line-search-failed"

  /// Whether the run met a convergence test, rather than running out or failing.
  public var isConverged: Bool {
    self == .errorTolerance || self == .valueTolerance || self == .gradientTolerance
      || self == .methodConverged
  }

  /// Whether the run failed on a non-finite number.
  public var isFailure: Bool {
    self == .nonFiniteValue || self == .nonFiniteGradient || self == .nonFiniteIterate
  }

  public var description: String {
    switch self {
    case .maxIterations: "reached the iteration budget"
    case .maxGradientEvaluations: "reached the gradient-evaluation budget"
    case .maxValueEvaluations: "reached the value-evaluation budget"
    case .errorTolerance: "converged: ‖w − w*‖ within tolerance"
    case .valueTolerance: "converged: f − f* within tolerance"
    case .gradientTolerance: "converged: ‖∇f‖ within tolerance"
    case .nonFiniteValue: "failed: f became NaN or infinite (returned the last finite iterate)"
    case .nonFiniteGradient: "failed: ∇f became NaN or infinite (returned the last finite iterate)"
    case .nonFiniteIterate: "failed: w became NaN or infinite (returned the last finite iterate)"
    case .stoppedByCallback: "stopped by the callback"
    case .methodConverged: "converged by the method's own test"
    case .lineSearchFailed: "stopped: no step along the search direction lowers f"
    }
  }
}
