import Descent

/// Box's three-dimensional function (MGH problem 12): n = 3, m = 10,
///
///     rᵢ = e^{−tᵢx₁} − e^{−tᵢx₂} − x₃(e^{−tᵢ} − e^{−10tᵢ}),   tᵢ = i/10,
///
/// start (0, 10, 20); f* = 0 at (1, 10, 1), (10, 1, −1) and wherever x₁ = x₂, x₃ = 0.
public struct Box3D<Scalar: DescentFloat>: FixedSumOfSquares {
  public init() {}
  public var dimension: Int { 3 }
  public var residualCount: Int { 10 }
  public var defaultStart: [Scalar] { [0, 10, 20] }
  public var minimum: Scalar? { 0 }
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(12, "box-3d", "differences of exponentials, a line of minimisers")
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    for i in 0..<10 {
      let t = Scalar(i + 1) / 10
      let (e1, e2) = (Scalar.exp(-t * x[0]), Scalar.exp(-t * x[1]))
      let c = Scalar.exp(-t) - Scalar.exp(-10 * t)
      r[i] = e1 - e2 - x[2] * c
      if let g {
        g[0] -= 2 * r[i] * t * e1
        g[1] += 2 * r[i] * t * e2
        g[2] -= 2 * r[i] * c
      }
    }
  }
}
