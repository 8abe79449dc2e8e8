import Descent

/// Biggs's EXP6 function (MGH problem 18): n = 6, m = 13,
///
///     rᵢ = x₃e^{−tᵢx₁} − x₄e^{−tᵢx₂} + x₆e^{−tᵢx₅} − yᵢ,
///     tᵢ = i/10,   yᵢ = e^{−tᵢ} − 5e^{−10tᵢ} + 3e^{−4tᵢ},
///
/// start (1, 2, 1, 1, 1, 1); f* = 0 at (1, 10, 1, 5, 4, 3), and a local minimum
/// 5.65565·10⁻³.
public struct BiggsExp6<Scalar: DescentFloat>: FixedSumOfSquares {
  public init() {}
  public var dimension: Int { 6 }
  public var residualCount: Int { 13 }
  public var defaultStart: [Scalar] { [1, 2, 1, 1, 1, 1] }
  public var minimum: Scalar? { 0 }
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(18, "biggs-exp6", "three exponentials fitted to 13 points")
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    for i in 0..<13 {
      let t = Scalar(i + 1) / 10
      let y = Scalar.exp(-t) - 5 * Scalar.exp(-10 * t) + 3 * Scalar.exp(-4 * t)
      let (e1, e2, e5) = (Scalar.exp(-t * x[0]), Scalar.exp(-t * x[1]), Scalar.exp(-t * x[4]))
      r[i] = x[2] * e1 - x[3] * e2 + x[5] * e5 - y
      if let g {
        g[0] -= 2 * r[i] * x[2] * t * e1
        g[1] += 2 * r[i] * x[3] * t * e2
        g[2] += 2 * r[i] * e1
        g[3] -= 2 * r[i] * e2
        g[4] -= 2 * r[i] * x[5] * t * e5
        g[5] += 2 * r[i] * e5
      }
    }
  }
}
