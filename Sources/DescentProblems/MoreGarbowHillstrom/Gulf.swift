import Descent

/// The Gulf research and development function (MGH problem 11): n = 3, m = 99,
///
///     rᵢ = exp(−|yᵢ − x₂|^{x₃} / x₁) − tᵢ,   tᵢ = i/100,   yᵢ = 25 + (−50 ln tᵢ)^{2/3},
///
/// with the paper's known erratum corrected (it prints yᵢ m i x₂ for yᵢ − x₂);
/// start (5, 2.5, 0.15); f* = 0 at (50, 25, 1.5).
public struct Gulf<Scalar: DescentFloat>: FixedSumOfSquares {
  public init() {}
  public var dimension: Int { 3 }
  public var residualCount: Int { 99 }
  public var defaultStart: [Scalar] { [5, 2.5, 0.15] }
  public var minimum: Scalar? { 0 }
  public var minimizer: [Scalar]? { [50, 25, 1.5] }
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(11, "gulf", "Gulf research and development, 99 residuals")
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    for i in 0..<99 {
      let t = Scalar(i + 1) / 100
      let y = 25 + Scalar.pow(-50 * Scalar.log(t), Scalar(2) / 3)
      let distance = (y - x[1]).magnitude
      let power = Scalar.pow(distance, x[2])
      let e = Scalar.exp(-power / x[0])
      r[i] = e - t
      guard let g else { continue }
      g[0] += 2 * r[i] * e * power / (x[0] * x[0])
      guard distance > 0 else { continue }  // |y − x₂|^{x₃} is flat there for x₃ > 1
      // d|y − x₂|/dx₂ = −sign(y − x₂)
      let sign: Scalar = y > x[1] ? 1 : -1
      let slope = -e / x[0]  // ∂rᵢ/∂(|y − x₂|^{x₃})
      let powerByX2: Scalar = -sign * x[2] * power / distance
      g[1] += 2 * r[i] * slope * powerByX2
      g[2] += 2 * r[i] * slope * power * Scalar.log(distance)
    }
  }
}
