import Descent

/// Kowalik and Osborne's function (MGH problem 15): n = 4, m = 11,
///
///     rᵢ = yᵢ − x₁(uᵢ² + uᵢx₂)/(uᵢ² + uᵢx₃ + x₄),
///
/// start (0.25, 0.39, 0.415, 0.39); f* = 3.07505·10⁻⁴.
public struct KowalikOsborne<Scalar: DescentFloat>: FixedSumOfSquares {
  public init() {}
  public var dimension: Int { 4 }
  public var residualCount: Int { 11 }
  public var defaultStart: [Scalar] { [0.25, 0.39, 0.415, 0.39] }
  public var minimum: Scalar? { 3.07505e-4 }
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(15, "kowalik-osborne", "an enzyme reaction model, 11 points")
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    for i in 0..<11 {
      let (y, u) = (Scalar(kowalikOsborneData[i].y), Scalar(kowalikOsborneData[i].u))
      let numerator = u * u + u * x[1]
      let denominator = u * u + u * x[2] + x[3]
      r[i] = y - x[0] * numerator / denominator
      if let g {
        let model = x[0] * numerator / (denominator * denominator)
        g[0] -= 2 * r[i] * numerator / denominator
        g[1] -= 2 * r[i] * x[0] * u / denominator
        g[2] += 2 * r[i] * model * u
        g[3] += 2 * r[i] * model
      }
    }
  }
}

private let kowalikOsborneData: [(y: Double, u: Double)] = [
  (0.1957, 4), (0.1947, 2), (0.1735, 1), (0.1600, 0.5), (0.0844, 0.25), (0.0627, 0.167), (0.0456, 0.125),
  (0.0342, 0.1), (0.0323, 0.0833), (0.0235, 0.0714), (0.0246, 0.0625),
]
