import Descent

/// The linear function of full rank (MGH problem 32), here with m = n,
///
///     rᵢ = xᵢ − (2/m) Σⱼ xⱼ − 1,
///
/// start 1; f* = m − n = 0 at (−1, …, −1).
public struct LinearFullRank<Scalar: DescentFloat>: SizedSumOfSquares {
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(32, "linear-full-rank", "a linear least-squares problem, full rank", dimension: 10)
  }

  public let dimension: Int
  public init(checkedDimension n: Int) { dimension = n }

  public var defaultStart: [Scalar] { [Scalar](repeating: 1, count: dimension) }
  public var minimum: Scalar? { 0 }
  public var minimizer: [Scalar]? { [Scalar](repeating: -1, count: dimension) }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    let n = dimension
    var sum: Scalar = 0
    for j in 0..<n { sum += x[j] }
    let shift = 2 / Scalar(n) * sum + 1
    var residuals: Scalar = 0
    for i in 0..<n {
      r[i] = x[i] - shift
      residuals += r[i]
    }
    guard let g else { return }
    for j in 0..<n { g[j] += 2 * r[j] - 4 / Scalar(n) * residuals }
  }
}
