import Descent

/// Brown's badly scaled function (MGH problem 4): n = 2, m = 3,
///
///     r₁ = x₁ − 10⁶,   r₂ = x₂ − 2·10⁻⁶,   r₃ = x₁x₂ − 2,
///
/// start (1, 1); f* = 0 at (10⁶, 2·10⁻⁶).
public struct BrownBadlyScaled<Scalar: DescentFloat>: FixedSumOfSquares {
  public init() {}
  public var dimension: Int { 2 }
  public var residualCount: Int { 3 }
  public var defaultStart: [Scalar] { [1, 1] }
  public var minimum: Scalar? { 0 }
  public var minimizer: [Scalar]? { [1e6, 2e-6] }
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(4, "brown-badly-scaled", "a minimiser at (10⁶, 2·10⁻⁶)")
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    r[0] = x[0] - 1e6
    r[1] = x[1] - 2e-6
    r[2] = x[0] * x[1] - 2
    guard let g else { return }
    g[0] += 2 * r[0] + 2 * r[2] * x[1]
    g[1] += 2 * r[1] + 2 * r[2] * x[0]
  }
}
