import Descent

/// Brown's almost-linear function (MGH problem 27): m = n,
///
///     rᵢ = xᵢ + Σⱼ xⱼ − (n + 1), i < n,   rₙ = Πⱼ xⱼ − 1,
///
/// start ½; f* = 0 at (α, …, α, α^{1−n}) with nαⁿ − (n + 1)α^{n−1} + 1 = 0, and f = 1 at
/// (0, …, 0, n + 1).
public struct BrownAlmostLinear<Scalar: DescentFloat>: SizedSumOfSquares {
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(27, "brown-almost-linear", "n − 1 linear residuals and a product", dimension: 10)
  }

  public let dimension: Int
  public init(checkedDimension n: Int) { dimension = n }

  public var defaultStart: [Scalar] { [Scalar](repeating: 0.5, count: dimension) }
  public var minimum: Scalar? { 0 }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    let n = dimension
    var sum: Scalar = 0
    for j in 0..<n { sum += x[j] }
    var linear: Scalar = 0  // Σ rᵢ over the linear residuals
    for i in 0..<(n - 1) {
      r[i] = x[i] + sum - Scalar(n + 1)
      linear += r[i]
    }
    var product: Scalar = 1
    for j in 0..<n { product *= x[j] }
    r[n - 1] = product - 1
    guard let g else { return }
    // Π_{k≠j} xₖ as a product before j times one after, so that a zero xⱼ is no problem.
    withUnsafeTemporaryAllocation(of: Scalar.self, capacity: n) { after in
      after[n - 1] = 1
      for j in stride(from: n - 2, through: 0, by: -1) { after[j] = after[j + 1] * x[j + 1] }
      var before: Scalar = 1
      for j in 0..<n {
        g[j] += 2 * linear + (j < n - 1 ? 2 * r[j] : 0) + 2 * r[n - 1] * before * after[j]
        before *= x[j]
      }
    }
  }
}
