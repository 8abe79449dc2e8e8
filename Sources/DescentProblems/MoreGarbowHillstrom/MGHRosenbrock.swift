import Descent

/// Rosenbrock's function as Moré, Garbow and Hillstrom state it (problem 1): n = m = 2,
///
///     r₁ = 10(x₂ − x₁²),   r₂ = 1 − x₁,
///
/// from their start (−1.2, 1); f* = 0 at (1, 1). (`rosenbrock` is the paper's form,
/// started at (−1, 0).)
public struct MGHRosenbrock<Scalar: DescentFloat>: FixedSumOfSquares {
  public init() {}
  public var dimension: Int { 2 }
  public var residualCount: Int { 2 }
  public var defaultStart: [Scalar] { [-1.2, 1] }
  public var minimum: Scalar? { 0 }
  public var minimizer: [Scalar]? { [1, 1] }
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(1, "mgh-rosenbrock", "Rosenbrock's valley, n = 2, from (−1.2, 1)")
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    r[0] = 10 * (x[1] - x[0] * x[0])
    r[1] = 1 - x[0]
    guard let g else { return }
    g[0] += 2 * r[0] * (-20 * x[0]) - 2 * r[1]
    g[1] += 2 * r[0] * 10
  }
}
