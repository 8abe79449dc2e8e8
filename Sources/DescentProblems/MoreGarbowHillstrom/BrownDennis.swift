import Descent

/// Brown and Dennis's function (MGH problem 16): n = 4, m = 20,
///
///     rᵢ = (x₁ + tᵢx₂ − e^{tᵢ})² + (x₃ + x₄ sin tᵢ − cos tᵢ)²,   tᵢ = i/5,
///
/// start (25, 5, −5, −1); f* = 85822.2.
public struct BrownDennis<Scalar: DescentFloat>: FixedSumOfSquares {
  public init() {}
  public var dimension: Int { 4 }
  public var residualCount: Int { 20 }
  public var defaultStart: [Scalar] { [25, 5, -5, -1] }
  public var minimum: Scalar? { 85822.2 }
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(16, "brown-dennis", "a large-residual fit, f* = 85822.2")
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    for i in 0..<20 {
      let t = Scalar(i + 1) / 5
      let (sine, cosine) = (Scalar.sin(t), Scalar.cos(t))
      let a = x[0] + t * x[1] - Scalar.exp(t)
      let b = x[2] + x[3] * sine - cosine
      r[i] = a * a + b * b
      if let g {
        g[0] += 2 * r[i] * 2 * a
        g[1] += 2 * r[i] * 2 * a * t
        g[2] += 2 * r[i] * 2 * b
        g[3] += 2 * r[i] * 2 * b * sine
      }
    }
  }
}
