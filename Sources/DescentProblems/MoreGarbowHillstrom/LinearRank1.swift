import Descent

/// The linear function of rank 1 (MGH problem 33), here with m = n,
///
///     rᵢ = i Σⱼ jxⱼ − 1,
///
/// start 1; f* = m(m − 1)/(2(2m + 1)), on a hyperplane of minimisers.
public struct LinearRank1<Scalar: DescentFloat>: SizedSumOfSquares {
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(33, "linear-rank-1", "a linear least-squares problem of rank 1", dimension: 10)
  }

  public let dimension: Int
  public init(checkedDimension n: Int) { dimension = n }

  public var defaultStart: [Scalar] { [Scalar](repeating: 1, count: dimension) }
  public var minimum: Scalar? {
    let m = Scalar(dimension)
    return m * (m - 1) / (2 * (2 * m + 1))
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    let n = dimension
    var weighted: Scalar = 0
    for j in 0..<n { weighted += Scalar(j + 1) * x[j] }
    var scaled: Scalar = 0  // Σ i rᵢ
    for i in 0..<n {
      r[i] = Scalar(i + 1) * weighted - 1
      scaled += Scalar(i + 1) * r[i]
    }
    guard let g else { return }
    for j in 0..<n { g[j] += 2 * Scalar(j + 1) * scaled }
  }
}
