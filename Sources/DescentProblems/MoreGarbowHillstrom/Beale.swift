import Descent

/// Beale's function (MGH problem 5): n = 2, m = 3,
///
///     rᵢ = yᵢ − x₁(1 − x₂ⁱ),   y = (1.5, 2.25, 2.625),
///
/// start (1, 1); f* = 0 at (3, 0.5).
public struct Beale<Scalar: DescentFloat>: FixedSumOfSquares {
  public init() {}
  public var dimension: Int { 2 }
  public var residualCount: Int { 3 }
  public var defaultStart: [Scalar] { [1, 1] }
  public var minimum: Scalar? { 0 }
  public var minimizer: [Scalar]? { [3, 0.5] }
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(5, "beale", "three residuals in powers of x₂")
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    let y: [Scalar] = [1.5, 2.25, 2.625]
    var power: Scalar = 1  // x₂^(i−1)
    for i in 0..<3 {
      let next = power * x[1]  // x₂ⁱ
      r[i] = y[i] - x[0] * (1 - next)
      if let g {
        g[0] += 2 * r[i] * (next - 1)
        g[1] += 2 * r[i] * x[0] * Scalar(i + 1) * power
      }
      power = next
    }
  }
}
