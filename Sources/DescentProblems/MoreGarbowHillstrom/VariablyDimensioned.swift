import Descent

/// The variably dimensioned function (MGH problem 25): m = n + 2, s = Σⱼ j(xⱼ − 1),
///
///     rᵢ = xᵢ − 1, i ≤ n,   r_{n+1} = s,   r_{n+2} = s²,
///
/// start xⱼ = 1 − j/n; f* = 0 at (1, …, 1).
public struct VariablyDimensioned<Scalar: DescentFloat>: SizedSumOfSquares {
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(25, "variably-dimensioned", "a weighted sum squared and raised to the fourth", dimension: 10)
  }

  public let dimension: Int
  public init(checkedDimension n: Int) { dimension = n }

  public static func residualCount(dimension n: Int) -> Int? { MemoryRequirement.sum(n, 2) }
  public var defaultStart: [Scalar] { (1...dimension).map { 1 - Scalar($0) / Scalar(dimension) } }
  public var minimum: Scalar? { 0 }
  public var minimizer: [Scalar]? { [Scalar](repeating: 1, count: dimension) }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    let n = dimension
    var s: Scalar = 0
    for j in 0..<n {
      r[j] = x[j] - 1
      s += Scalar(j + 1) * r[j]
    }
    r[n] = s
    r[n + 1] = s * s
    guard let g else { return }
    for j in 0..<n { g[j] += 2 * r[j] + 2 * Scalar(j + 1) * s * (1 + 2 * s * s) }
  }
}
