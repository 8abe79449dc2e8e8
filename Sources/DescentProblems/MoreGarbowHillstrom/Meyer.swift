import Descent

/// Meyer's function (MGH problem 10): n = 3, m = 16,
///
///     rᵢ = x₁ exp(x₂/(tᵢ + x₃)) − yᵢ,   tᵢ = 45 + 5i,
///
/// start (0.02, 4000, 250); f* = 87.9458.
public struct Meyer<Scalar: DescentFloat>: FixedSumOfSquares {
  public init() {}
  public var dimension: Int { 3 }
  public var residualCount: Int { 16 }
  public var defaultStart: [Scalar] { [0.02, 4000, 250] }
  public var minimum: Scalar? { 87.9458 }
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(10, "meyer", "a thermistor model, very badly scaled")
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    for i in 0..<16 {
      let t = 45 + 5 * Scalar(i + 1)
      let denominator = t + x[2]
      let e = Scalar.exp(x[1] / denominator)
      r[i] = x[0] * e - Scalar(meyerData[i])
      if let g {
        g[0] += 2 * r[i] * e
        g[1] += 2 * r[i] * x[0] * e / denominator
        g[2] -= 2 * r[i] * x[0] * e * x[1] / (denominator * denominator)
      }
    }
  }
}

private let meyerData: [Double] = [
  34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005, 5147, 4427, 3820, 3307, 2872,
]
