import Descent

/// Watson's function (MGH problem 20): 2 ≤ n ≤ 31, m = 31,
///
///     rᵢ = Σ_{j=2}^{n} (j − 1)xⱼtᵢ^{j−2} − (Σ_{j=1}^{n} xⱼtᵢ^{j−1})² − 1,   tᵢ = i/29,  i ≤ 29,
///     r₃₀ = x₁,   r₃₁ = x₂ − x₁² − 1,
///
/// start 0; f* = 2.28767·10⁻³ (n = 6), 1.39976·10⁻⁶ (n = 9), 4.72238·10⁻¹⁰ (n = 12).
public struct Watson<Scalar: DescentFloat>: SizedSumOfSquares {
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(20, "watson", "a polynomial fit to an ODE solution, n ≤ 31", dimension: 6, .between(2, 31))
  }

  public let dimension: Int
  public init(checkedDimension n: Int) { dimension = n }

  public static func residualCount(dimension n: Int) -> Int? { 31 }
  public var defaultStart: [Scalar] { [Scalar](repeating: 0, count: dimension) }
  public var minimum: Scalar? { [6: 2.28767e-3, 9: 1.39976e-6, 12: 4.72238e-10][dimension] }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    let n = dimension
    for i in 0..<29 {
      let t = Scalar(i + 1) / 29
      var (derivative, polynomial, power): (Scalar, Scalar, Scalar) = (0, x[0], 1)  // power = t^{j−1}
      for j in 1..<n {
        derivative += Scalar(j) * x[j] * power
        power *= t
        polynomial += x[j] * power
      }
      r[i] = derivative - polynomial * polynomial - 1
      guard let g else { continue }
      power = 1
      g[0] += 2 * r[i] * (-2 * polynomial)
      for j in 1..<n {
        let lower = power  // t^{j−1}
        power *= t
        g[j] += 2 * r[i] * (Scalar(j) * lower - 2 * polynomial * power)
      }
    }
    r[29] = x[0]
    r[30] = x[1] - x[0] * x[0] - 1
    guard let g else { return }
    g[0] += 2 * r[29] - 4 * r[30] * x[0]
    g[1] += 2 * r[30]
  }
}
