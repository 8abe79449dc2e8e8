import Descent

/// Bard's function (MGH problem 8): n = 3, m = 15,
///
///     rᵢ = yᵢ − (x₁ + uᵢ/(vᵢx₂ + wᵢx₃)),   uᵢ = i, vᵢ = 16 − i, wᵢ = min(uᵢ, vᵢ),
///
/// start (1, 1, 1); f* = 8.21487·10⁻³ (and 17.4286… as x₂, x₃ → −∞).
public struct Bard<Scalar: DescentFloat>: FixedSumOfSquares {
  public init() {}
  public var dimension: Int { 3 }
  public var residualCount: Int { 15 }
  public var defaultStart: [Scalar] { [1, 1, 1] }
  public var minimum: Scalar? { 8.21487e-3 }
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(8, "bard", "a rational model fitted to 15 points")
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    for i in 0..<15 {
      let u = Scalar(i + 1)
      let v = 16 - u
      let w = min(u, v)
      let denominator = v * x[1] + w * x[2]
      r[i] = Scalar(bardData[i]) - (x[0] + u / denominator)
      if let g {
        let d2 = denominator * denominator
        g[0] -= 2 * r[i]
        g[1] += 2 * r[i] * u * v / d2
        g[2] += 2 * r[i] * u * w / d2
      }
    }
  }
}

private let bardData: [Double] = [
  0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.10, 4.39,
]
