import Descent

/// Powell's singular function (MGH problem 13): n = m = 4,
///
///     r₁ = x₁ + 10x₂,   r₂ = √5(x₃ − x₄),   r₃ = (x₂ − 2x₃)²,   r₄ = √10(x₁ − x₄)²,
///
/// start (3, −1, 0, 1); f* = 0 at the origin, where the Hessian is singular.
public struct PowellSingular<Scalar: DescentFloat>: FixedSumOfSquares {
  public init() {}
  public var dimension: Int { 4 }
  public var residualCount: Int { 4 }
  public var defaultStart: [Scalar] { [3, -1, 0, 1] }
  public var minimum: Scalar? { 0 }
  public var minimizer: [Scalar]? { [0, 0, 0, 0] }
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(13, "powell-singular", "a singular Hessian at the minimiser")
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    evaluatePowellBlock(x, r, g, at: 0)
  }
}

/// Powell's four residuals on x[k..<k+4], their gradient added to g[k..<k+4]; shared
/// with the extended form (problem 22).
func evaluatePowellBlock<Scalar: DescentFloat>(
  _ x: UnsafeBufferPointer<Scalar>, _ r: UnsafeMutableBufferPointer<Scalar>, _ g: UnsafeMutableBufferPointer<Scalar>?,
  at k: Int
) {
  let (root5, root10) = (Scalar(5).squareRoot(), Scalar(10).squareRoot())
  let a = x[k + 1] - 2 * x[k + 2]
  let b = x[k] - x[k + 3]
  r[k] = x[k] + 10 * x[k + 1]
  r[k + 1] = root5 * (x[k + 2] - x[k + 3])
  r[k + 2] = a * a
  r[k + 3] = root10 * b * b
  guard let g else { return }
  g[k] += 2 * r[k] + 2 * r[k + 3] * root10 * 2 * b
  g[k + 1] += 2 * r[k] * 10 + 2 * r[k + 2] * 2 * a
  g[k + 2] += 2 * r[k + 1] * root5 - 2 * r[k + 2] * 4 * a
  g[k + 3] += -2 * r[k + 1] * root5 - 2 * r[k + 3] * root10 * 2 * b
}
