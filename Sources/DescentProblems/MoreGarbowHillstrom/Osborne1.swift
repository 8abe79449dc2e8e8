import Descent

/// Osborne's first function (MGH problem 17): n = 5, m = 33,
///
///     rᵢ = yᵢ − (x₁ + x₂e^{−tᵢx₄} + x₃e^{−tᵢx₅}),   tᵢ = 10(i − 1),
///
/// start (0.5, 1.5, −1, 0.01, 0.02); f* = 5.46489·10⁻⁵.
public struct Osborne1<Scalar: DescentFloat>: FixedSumOfSquares {
  public init() {}
  public var dimension: Int { 5 }
  public var residualCount: Int { 33 }
  public var defaultStart: [Scalar] { [0.5, 1.5, -1, 0.01, 0.02] }
  public var minimum: Scalar? { 5.46489e-5 }
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(17, "osborne-1", "two exponentials and a constant, 33 points")
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    for i in 0..<33 {
      let t = 10 * Scalar(i)
      let (e4, e5) = (Scalar.exp(-t * x[3]), Scalar.exp(-t * x[4]))
      r[i] = Scalar(osborne1Data[i]) - (x[0] + x[1] * e4 + x[2] * e5)
      if let g {
        g[0] -= 2 * r[i]
        g[1] -= 2 * r[i] * e4
        g[2] -= 2 * r[i] * e5
        g[3] += 2 * r[i] * x[1] * t * e4
        g[4] += 2 * r[i] * x[2] * t * e5
      }
    }
  }
}

private let osborne1Data: [Double] = [
  0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.850, 0.818, 0.784, 0.751, 0.718, 0.685, 0.658, 0.628, 0.603,
  0.580, 0.558, 0.538, 0.522, 0.506, 0.490, 0.478, 0.467, 0.457, 0.448, 0.438, 0.431, 0.424, 0.420, 0.414, 0.411,
  0.406,
]
