import Descent

/// Penalty function I (MGH problem 23): m = n + 1,
///
///     rᵢ = √a (xᵢ − 1), i ≤ n,   r_{n+1} = Σⱼ xⱼ² − ¼,   a = 10⁻⁵,
///
/// start xⱼ = j; f* = 2.24997·10⁻⁵ (n = 4), 7.08765·10⁻⁵ (n = 10).
public struct PenaltyI<Scalar: DescentFloat>: SizedSumOfSquares {
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(23, "penalty-1", "a small penalty against a sphere constraint", dimension: 10)
  }

  public let dimension: Int
  public init(checkedDimension n: Int) { dimension = n }

  public static func residualCount(dimension n: Int) -> Int? { MemoryRequirement.sum(n, 1) }
  public var defaultStart: [Scalar] { (1...dimension).map { Scalar($0) } }
  public var minimum: Scalar? { [4: 2.24997e-5, 10: 7.08765e-5][dimension] }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    let n = dimension
    let root = Scalar(1e-5).squareRoot()
    for j in 0..<n { r[j] = root * (x[j] - 1) }
    r[n] = Vector.sumOfSquares(x) - 0.25
    guard let g else { return }
    for j in 0..<n { g[j] += 2 * r[j] * root + 2 * r[n] * 2 * x[j] }
  }
}
