import Descent

/// The linear function of rank 1 with zero columns and rows (MGH problem 34), here
/// with m = n,
///
///     r₁ = rₘ = −1,   rᵢ = (i − 1) Σ_{j=2}^{n−1} jxⱼ − 1,  2 ≤ i ≤ m − 1,
///
/// start 1; f* = (m² + 3m − 6)/(2(2m − 3)).
public struct LinearRank1ZeroColumns<Scalar: DescentFloat>: SizedSumOfSquares {
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(
      34, "linear-rank-1-zero", "rank 1 with zero first and last rows and columns", dimension: 10, .atLeast(3))
  }

  public let dimension: Int
  public init(checkedDimension n: Int) { dimension = n }

  public var defaultStart: [Scalar] { [Scalar](repeating: 1, count: dimension) }
  public var minimum: Scalar? {
    let m = Scalar(dimension)
    return (m * m + 3 * m - 6) / (2 * (2 * m - 3))
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    let n = dimension
    var weighted: Scalar = 0
    for j in 1..<(n - 1) { weighted += Scalar(j + 1) * x[j] }
    r[0] = -1
    r[n - 1] = -1
    var scaled: Scalar = 0  // Σ (i − 1) rᵢ
    for i in 1..<(n - 1) {
      r[i] = Scalar(i) * weighted - 1
      scaled += Scalar(i) * r[i]
    }
    guard let g else { return }
    for j in 1..<(n - 1) { g[j] += 2 * Scalar(j + 1) * scaled }
  }
}
