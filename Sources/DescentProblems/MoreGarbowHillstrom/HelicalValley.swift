import Descent

/// The helical valley (MGH problem 7): n = m = 3,
///
///     r₁ = 10(x₃ − 10θ(x₁, x₂)),   r₂ = 10(√(x₁² + x₂²) − 1),   r₃ = x₃,
///     2πθ = arctan(x₂/x₁) for x₁ > 0, arctan(x₂/x₁) + π for x₁ < 0,
///
/// start (−1, 0, 0); f* = 0 at (1, 0, 0). At x₁ = 0 θ is ±¼ (the limit from either side
/// for x₂ ≷ 0), as the reference implementations take it.
public struct HelicalValley<Scalar: DescentFloat>: FixedSumOfSquares {
  public init() {}
  public var dimension: Int { 3 }
  public var residualCount: Int { 3 }
  public var defaultStart: [Scalar] { [-1, 0, 0] }
  public var minimum: Scalar? { 0 }
  public var minimizer: [Scalar]? { [1, 0, 0] }
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(7, "helical-valley", "a valley winding round the x₃ axis")
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    let twoPi = 2 * Scalar.pi
    let theta: Scalar
    if x[0] > 0 {
      theta = Scalar.atan(x[1] / x[0]) / twoPi
    } else if x[0] < 0 {
      theta = Scalar.atan(x[1] / x[0]) / twoPi + 0.5
    } else {
      theta = x[1] >= 0 ? 0.25 : -0.25
    }
    let squares = x[0] * x[0] + x[1] * x[1]
    let radius = squares.squareRoot()
    r[0] = 10 * (x[2] - 10 * theta)
    r[1] = 10 * (radius - 1)
    r[2] = x[2]
    guard let g else { return }
    g[2] += 2 * r[0] * 10 + 2 * r[2]
    guard squares > 0 else { return }  // θ and ρ have no gradient on the axis
    // ∂θ/∂x₁ = −x₂/(2π ρ²), ∂θ/∂x₂ = x₁/(2π ρ²)
    g[0] += 2 * r[0] * 100 * x[1] / (twoPi * squares) + 2 * r[1] * 10 * x[0] / radius
    g[1] += -2 * r[0] * 100 * x[0] / (twoPi * squares) + 2 * r[1] * 10 * x[1] / radius
  }
}
