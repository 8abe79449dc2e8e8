import Descent

/// Powell's badly scaled function (MGH problem 3): n = m = 2,
///
///     r₁ = 10⁴ x₁x₂ − 1,   r₂ = e^{−x₁} + e^{−x₂} − 1.0001,
///
/// start (0, 1); f* = 0 at (1.098…·10⁻⁵, 9.106…).
public struct PowellBadlyScaled<Scalar: DescentFloat>: FixedSumOfSquares {
  public init() {}
  public var dimension: Int { 2 }
  public var residualCount: Int { 2 }
  public var defaultStart: [Scalar] { [0, 1] }
  public var minimum: Scalar? { 0 }
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(3, "powell-badly-scaled", "a product 10⁴x₁x₂ = 1 against a sum of exponentials")
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    let (e1, e2) = (Scalar.exp(-x[0]), Scalar.exp(-x[1]))
    r[0] = 10_000 * x[0] * x[1] - 1
    r[1] = e1 + e2 - 1.0001
    guard let g else { return }
    g[0] += 2 * r[0] * 10_000 * x[1] - 2 * r[1] * e1
    g[1] += 2 * r[0] * 10_000 * x[0] - 2 * r[1] * e2
  }
}
