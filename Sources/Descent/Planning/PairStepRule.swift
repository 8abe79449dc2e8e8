/// A gradient step's size from the pair of the last two accepted points,
///
///     s = w_k − w_{k−1},   y = ∇f(w_k) − ∇f(w_{k−1}),
///
///     bb1    λ = sᵀs / sᵀy                    (Barzilai and Borwein's first)
///     bb2    λ = sᵀy / yᵀy                    (their second)
///     adgd   λ = min{‖s‖ / (2‖y‖), √(1 + λ/λ₋) λ}   (Malitsky and Mishchenko's AdGD)
///
/// and where sᵀy ≤ 0 (no positive curvature along s, where BB's ratios mean nothing)
/// ‖s‖/‖y‖, the secant's scale (BB2 ≤ ‖s‖/‖y‖ ≤ BB1 where sᵀy > 0), so that a step
/// started small in a concave region grows to the region's scale. Every rule is a ratio
/// of what the pair measures: f and c·f give the same steps.
///
/// Barzilai, J. and Borwein, J. M. (1988). Two-point step size gradient methods. IMA J.
/// Numer. Anal. 8; Malitsky, Y. and Mishchenko, K. (2020). Adaptive gradient descent
/// without descent. ICML.
public enum PairStepRule: String, Codable, Sendable, CaseIterable {
  case bb1, bb2, adgd

  /// sᵀs, sᵀy and yᵀy of the pair from (`previousPoint`, `previousGradient`) to
  /// (`point`, `gradient`), in one pass.
  @inlinable
  static func products<Scalar: DescentFloat>(
    _ point: [Scalar], _ gradient: [Scalar], from previousPoint: [Scalar], _ previousGradient: [Scalar]
  ) -> (ss: Scalar, sy: Scalar, yy: Scalar) {
    var (ss, sy, yy): (Scalar, Scalar, Scalar) = (0, 0, 0)
    for i in 0..<point.count {
      let s = point[i] - previousPoint[i]
      let y = gradient[i] - previousGradient[i]
      ss += s * s
      sy += s * y
      yy += y * y
    }
    return (ss, sy, yy)
  }

  /// The next step-size from the pair's products, the current size and the one before
  /// it (AdGD's growth); nil where the rule gives no finite positive size.
  @inlinable
  func nextSize<Scalar: DescentFloat>(
    _ products: (ss: Scalar, sy: Scalar, yy: Scalar), current: Scalar, previous: Scalar
  ) -> Scalar? {
    let (ss, sy, yy) = products
    let secantScale = yy > 0 ? (ss / yy).squareRoot() : Scalar.infinity
    let next: Scalar
    switch self {
    case .bb1: next = sy > 0 ? ss / sy : secantScale
    case .bb2: next = sy > 0 ? sy / yy : secantScale
    case .adgd:
      let local = yy > 0 ? ss.squareRoot() / (2 * yy.squareRoot()) : .infinity
      let growth = previous > 0 ? (1 + current / previous).squareRoot() * current : .infinity
      next = min(local, growth)
    }
    return next.isFinite && next > 0 ? next : nil
  }
}
