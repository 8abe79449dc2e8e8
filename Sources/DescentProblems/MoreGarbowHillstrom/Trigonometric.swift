import Descent

/// The trigonometric function (MGH problem 26): m = n,
///
///     rᵢ = n − Σⱼ cos xⱼ + i(1 − cos xᵢ) − sin xᵢ,
///
/// start 1/n; f* = 0.
public struct Trigonometric<Scalar: DescentFloat>: SizedSumOfSquares {
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(26, "trigonometric", "sums of cosines, minima besides the global one", dimension: 10)
  }

  public let dimension: Int
  public init(checkedDimension n: Int) { dimension = n }

  public var defaultStart: [Scalar] { [Scalar](repeating: 1 / Scalar(dimension), count: dimension) }
  public var minimum: Scalar? { 0 }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    let n = dimension
    var cosines: Scalar = 0
    for j in 0..<n { cosines += Scalar.cos(x[j]) }
    var total: Scalar = 0
    for i in 0..<n {
      r[i] = Scalar(n) - cosines + Scalar(i + 1) * (1 - Scalar.cos(x[i])) - Scalar.sin(x[i])
      total += r[i]
    }
    guard let g else { return }
    for j in 0..<n {
      let (sine, cosine) = (Scalar.sin(x[j]), Scalar.cos(x[j]))
      g[j] += 2 * total * sine + 2 * r[j] * (Scalar(j + 1) * sine - cosine)
    }
  }
}
