import Descent

/// The extended Rosenbrock function (MGH problem 21): n even, m = n,
///
///     r_{2i−1} = 10(x_{2i} − x_{2i−1}²),   r_{2i} = 1 − x_{2i−1},
///
/// start (−1.2, 1, −1.2, 1, …); f* = 0 at (1, …, 1). Unlike the chained `rosenbrock`,
/// the pairs are independent.
public struct ExtendedRosenbrock<Scalar: DescentFloat>: SizedSumOfSquares {
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(
      21, "extended-rosenbrock", "n/2 independent Rosenbrock valleys", dimension: 10, .multiple(of: 2, atLeast: 2))
  }

  public let dimension: Int
  public init(checkedDimension n: Int) { dimension = n }

  public var defaultStart: [Scalar] { (0..<dimension).map { $0 % 2 == 0 ? -1.2 : 1 } }
  public var minimum: Scalar? { 0 }
  public var minimizer: [Scalar]? { [Scalar](repeating: 1, count: dimension) }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    for k in stride(from: 0, to: dimension, by: 2) {
      r[k] = 10 * (x[k + 1] - x[k] * x[k])
      r[k + 1] = 1 - x[k]
      guard let g else { continue }
      g[k] += 2 * r[k] * (-20 * x[k]) - 2 * r[k + 1]
      g[k + 1] += 2 * r[k] * 10
    }
  }
}
