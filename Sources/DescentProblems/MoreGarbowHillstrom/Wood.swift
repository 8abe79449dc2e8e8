import Descent

/// Wood's function (MGH problem 14): n = 4, m = 6,
///
///     r₁ = 10(x₂ − x₁²),  r₂ = 1 − x₁,  r₃ = √90(x₄ − x₃²),  r₄ = 1 − x₃,
///     r₅ = √10(x₂ + x₄ − 2),  r₆ = (x₂ − x₄)/√10,
///
/// start (−3, −1, −3, −1); f* = 0 at (1, 1, 1, 1).
public struct Wood<Scalar: DescentFloat>: FixedSumOfSquares {
  public init() {}
  public var dimension: Int { 4 }
  public var residualCount: Int { 6 }
  public var defaultStart: [Scalar] { [-3, -1, -3, -1] }
  public var minimum: Scalar? { 0 }
  public var minimizer: [Scalar]? { [1, 1, 1, 1] }
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(14, "wood", "two Rosenbrock valleys coupled")
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    let (root90, root10) = (Scalar(90).squareRoot(), Scalar(10).squareRoot())
    r[0] = 10 * (x[1] - x[0] * x[0])
    r[1] = 1 - x[0]
    r[2] = root90 * (x[3] - x[2] * x[2])
    r[3] = 1 - x[2]
    r[4] = root10 * (x[1] + x[3] - 2)
    r[5] = (x[1] - x[3]) / root10
    guard let g else { return }
    g[0] += 2 * r[0] * (-20 * x[0]) - 2 * r[1]
    g[1] += 2 * r[0] * 10 + 2 * r[4] * root10 + 2 * r[5] / root10
    g[2] += 2 * r[2] * root90 * (-2 * x[2]) - 2 * r[3]
    g[3] += 2 * r[2] * root90 + 2 * r[4] * root10 - 2 * r[5] / root10
  }
}
