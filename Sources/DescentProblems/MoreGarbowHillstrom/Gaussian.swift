import Descent

/// The Gaussian function (MGH problem 9): n = 3, m = 15,
///
///     rᵢ = x₁ exp(−x₂(tᵢ − x₃)²/2) − yᵢ,   tᵢ = (8 − i)/2,
///
/// start (0.4, 1, 0); f* = 1.12793·10⁻⁸.
public struct Gaussian<Scalar: DescentFloat>: FixedSumOfSquares {
  public init() {}
  public var dimension: Int { 3 }
  public var residualCount: Int { 15 }
  public var defaultStart: [Scalar] { [0.4, 1, 0] }
  public var minimum: Scalar? { 1.12793e-8 }
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(9, "gaussian", "a bell curve fitted to 15 points")
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    for i in 0..<15 {
      let t = Scalar(7 - i) / 2
      let offset = t - x[2]
      let bell = Scalar.exp(-x[1] * offset * offset / 2)
      r[i] = x[0] * bell - Scalar(gaussianData[i])
      if let g {
        g[0] += 2 * r[i] * bell
        g[1] += 2 * r[i] * x[0] * bell * (-offset * offset / 2)
        g[2] += 2 * r[i] * x[0] * bell * x[1] * offset
      }
    }
  }
}

private let gaussianData: [Double] = [
  0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989, 0.3521, 0.2420, 0.1295, 0.0540, 0.0175,
  0.0044, 0.0009,
]
