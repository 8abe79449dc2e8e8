import Descent

/// The discrete boundary value function (MGH problem 28): m = n, h = 1/(n + 1), tᵢ = ih,
///
///     rᵢ = 2xᵢ − x_{i−1} − x_{i+1} + h²(xᵢ + tᵢ + 1)³/2,   x₀ = x_{n+1} = 0,
///
/// start xⱼ = tⱼ(tⱼ − 1); f* = 0.
public struct DiscreteBoundaryValue<Scalar: DescentFloat>: SizedSumOfSquares {
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(
      28, "discrete-boundary-value", "a two-point boundary value problem, discretised", dimension: 10)
  }

  public let dimension: Int
  public init(checkedDimension n: Int) { dimension = n }

  public var defaultStart: [Scalar] { Self.start(dimension: dimension) }

  /// xⱼ = tⱼ(tⱼ − 1), tⱼ = j/(n + 1): the start of this problem and of the discrete
  /// integral equation.
  static func start(dimension n: Int) -> [Scalar] {
    let h = 1 / Scalar(n + 1)
    return (1...n).map { Scalar($0) * h * (Scalar($0) * h - 1) }
  }
  public var minimum: Scalar? { 0 }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    let n = dimension
    let h = 1 / Scalar(n + 1)
    for i in 0..<n {
      let u = x[i] + Scalar(i + 1) * h + 1
      let below = i > 0 ? x[i - 1] : 0
      let above = i < n - 1 ? x[i + 1] : 0
      r[i] = 2 * x[i] - below - above + h * h * u * u * u / 2
    }
    guard let g else { return }
    for i in 0..<n {
      let u = x[i] + Scalar(i + 1) * h + 1
      g[i] += 2 * r[i] * (2 + 3 * h * h * u * u / 2)
      if i > 0 { g[i - 1] -= 2 * r[i] }
      if i < n - 1 { g[i + 1] -= 2 * r[i] }
    }
  }
}
