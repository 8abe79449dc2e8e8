import Descent

/// Freudenstein and Roth's function (MGH problem 2): n = m = 2,
///
///     r₁ = −13 + x₁ + ((5 − x₂)x₂ − 2)x₂,   r₂ = −29 + x₁ + ((x₂ + 1)x₂ − 14)x₂,
///
/// start (0.5, −2); f* = 0 at (5, 4), and a local minimum 48.9842… at (11.41…, −0.8968…).
public struct FreudensteinRoth<Scalar: DescentFloat>: FixedSumOfSquares {
  public init() {}
  public var dimension: Int { 2 }
  public var residualCount: Int { 2 }
  public var defaultStart: [Scalar] { [0.5, -2] }
  public var minimum: Scalar? { 0 }
  public var minimizer: [Scalar]? { [5, 4] }
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(2, "freudenstein-roth", "two cubics in x₂, a local minimum beside the global one")
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    let y = x[1]
    r[0] = -13 + x[0] + ((5 - y) * y - 2) * y
    r[1] = -29 + x[0] + ((y + 1) * y - 14) * y
    guard let g else { return }
    g[0] += 2 * r[0] + 2 * r[1]
    g[1] += 2 * r[0] * ((10 - 3 * y) * y - 2) + 2 * r[1] * ((3 * y + 2) * y - 14)
  }
}
