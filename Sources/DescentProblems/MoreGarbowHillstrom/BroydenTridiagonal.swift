import Descent

/// Broyden's tridiagonal function (MGH problem 30): m = n,
///
///     rᵢ = (3 − 2xᵢ)xᵢ − x_{i−1} − 2x_{i+1} + 1,   x₀ = x_{n+1} = 0,
///
/// start −1; f* = 0.
public struct BroydenTridiagonal<Scalar: DescentFloat>: SizedSumOfSquares {
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(30, "broyden-tridiagonal", "a tridiagonal nonlinear system", dimension: 10)
  }

  public let dimension: Int
  public init(checkedDimension n: Int) { dimension = n }

  public var defaultStart: [Scalar] { [Scalar](repeating: -1, count: dimension) }
  public var minimum: Scalar? { 0 }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    let n = dimension
    for i in 0..<n {
      let below = i > 0 ? x[i - 1] : 0
      let above = i < n - 1 ? x[i + 1] : 0
      r[i] = (3 - 2 * x[i]) * x[i] - below - 2 * above + 1
    }
    guard let g else { return }
    for i in 0..<n {
      g[i] += 2 * r[i] * (3 - 4 * x[i])
      if i > 0 { g[i - 1] -= 2 * r[i] }
      if i < n - 1 { g[i + 1] -= 4 * r[i] }
    }
  }
}
