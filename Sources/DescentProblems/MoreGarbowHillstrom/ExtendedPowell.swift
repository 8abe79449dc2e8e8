import Descent

/// The extended Powell singular function (MGH problem 22): n a multiple of 4, m = n,
/// Powell's singular function (problem 13) on each block of four; start
/// (3, −1, 0, 1, 3, −1, 0, 1, …); f* = 0 at the origin.
public struct ExtendedPowell<Scalar: DescentFloat>: SizedSumOfSquares {
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(
      22, "extended-powell", "n/4 independent Powell singular blocks", dimension: 12, .multiple(of: 4, atLeast: 4))
  }

  public let dimension: Int
  public init(checkedDimension n: Int) { dimension = n }

  public var defaultStart: [Scalar] { (0..<dimension).map { [3, -1, 0, 1][$0 % 4] } }
  public var minimum: Scalar? { 0 }
  public var minimizer: [Scalar]? { [Scalar](repeating: 0, count: dimension) }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    for k in stride(from: 0, to: dimension, by: 4) { evaluatePowellBlock(x, r, g, at: k) }
  }
}
