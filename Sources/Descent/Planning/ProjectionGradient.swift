/// Which gradient the first projection of a planning event is applied to; the
/// planners read the paper's choice unless a user asks for the other.
public enum ProjectionGradient: String, Codable, Sendable, CaseIterable {
  /// `g_k = ∇f(w_{k−1})`, the gradient of the iteration's own step (Algorithm 1),
  /// charged as one evaluation.
  case reused
  /// `∇f(w)` at the current weight, freshly evaluated (Algorithm 2).
  case fresh

  /// The paper's reading: reused for Algorithm 1 (P = 1 and M = 0), fresh for
  /// Algorithm 2.
  static func paper(planningSteps: Int, corrections: Int) -> Self {
    planningSteps == 1 && corrections == 0 ? .reused : .fresh
  }
}
