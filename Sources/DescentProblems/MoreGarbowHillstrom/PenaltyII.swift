import Descent

/// Penalty function II (MGH problem 24): m = 2n, a = 10⁻⁵, yᵢ = e^{i/10} + e^{(i−1)/10},
///
///     r₁ = x₁ − 0.2,
///     rᵢ = √a (e^{xᵢ/10} + e^{x_{i−1}/10} − yᵢ),   2 ≤ i ≤ n,
///     rᵢ = √a (e^{x_{i−n+1}/10} − e^{−1/10}),      n < i < 2n,
///     r_{2n} = Σⱼ (n − j + 1)xⱼ² − 1,
///
/// start ½; f* = 9.37629·10⁻⁶ (n = 4), 2.93660·10⁻⁴ (n = 10).
public struct PenaltyII<Scalar: DescentFloat>: SizedSumOfSquares {
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(24, "penalty-2", "exponential penalties against a weighted sphere", dimension: 10)
  }

  public let dimension: Int
  public init(checkedDimension n: Int) { dimension = n }

  public static func residualCount(dimension n: Int) -> Int? { MemoryRequirement.product(2, n) }
  public var defaultStart: [Scalar] { [Scalar](repeating: 0.5, count: dimension) }
  public var minimum: Scalar? { [4: 9.37629e-6, 10: 2.93660e-4][dimension] }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    let n = dimension
    let root = Scalar(1e-5).squareRoot()
    let tail = Scalar.exp(-0.1)
    r[0] = x[0] - 0.2
    for i in 1..<n {
      let y = Scalar.exp(Scalar(i + 1) / 10) + Scalar.exp(Scalar(i) / 10)
      r[i] = root * (Scalar.exp(x[i] / 10) + Scalar.exp(x[i - 1] / 10) - y)
      r[n + i - 1] = root * (Scalar.exp(x[i] / 10) - tail)
    }
    var weighted: Scalar = 0
    for j in 0..<n { weighted += Scalar(n - j) * x[j] * x[j] }
    r[2 * n - 1] = weighted - 1
    guard let g else { return }
    g[0] += 2 * r[0]
    for i in 1..<n {
      g[i] += 2 * r[i] * root * Scalar.exp(x[i] / 10) / 10
      g[i - 1] += 2 * r[i] * root * Scalar.exp(x[i - 1] / 10) / 10
      g[i] += 2 * r[n + i - 1] * root * Scalar.exp(x[i] / 10) / 10
    }
    for j in 0..<n { g[j] += 2 * r[2 * n - 1] * 2 * Scalar(n - j) * x[j] }
  }
}
