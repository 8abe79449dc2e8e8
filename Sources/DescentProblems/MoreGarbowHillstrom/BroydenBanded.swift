import Descent

/// Broyden's banded function (MGH problem 31): m = n,
///
///     rᵢ = xᵢ(2 + 5xᵢ²) + 1 − Σ_{j∈Jᵢ} xⱼ(1 + xⱼ),
///     Jᵢ = { j ≠ i : max(1, i − 5) ≤ j ≤ min(n, i + 1) },
///
/// start −1; f* = 0.
public struct BroydenBanded<Scalar: DescentFloat>: SizedSumOfSquares {
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(31, "broyden-banded", "a banded nonlinear system, five below and one above", dimension: 10)
  }

  public let dimension: Int
  public init(checkedDimension n: Int) { dimension = n }

  public var defaultStart: [Scalar] { [Scalar](repeating: -1, count: dimension) }
  public var minimum: Scalar? { 0 }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    let n = dimension
    for i in 0..<n {
      var band: Scalar = 0
      for j in max(0, i - 5)...min(n - 1, i + 1) where j != i { band += x[j] * (1 + x[j]) }
      r[i] = x[i] * (2 + 5 * x[i] * x[i]) + 1 - band
      guard let g else { continue }
      g[i] += 2 * r[i] * (2 + 15 * x[i] * x[i])
      for j in max(0, i - 5)...min(n - 1, i + 1) where j != i { g[j] -= 2 * r[i] * (1 + 2 * x[j]) }
    }
  }
}
