import Descent

/// Jennrich and Sampson's function (MGH problem 6): n = 2, m = 10,
///
///     rᵢ = 2 + 2i − (e^{i x₁} + e^{i x₂}),
///
/// start (0.3, 0.4); f* = 124.362 at x₁ = x₂ = 0.2578 (m = 10).
public struct JennrichSampson<Scalar: DescentFloat>: FixedSumOfSquares {
  public init() {}
  public var dimension: Int { 2 }
  public var residualCount: Int { 10 }
  public var defaultStart: [Scalar] { [0.3, 0.4] }
  public var minimum: Scalar? { 124.362 }
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(6, "jennrich-sampson", "sums of exponentials, f* = 124.362")
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    for i in 0..<10 {
      let t = Scalar(i + 1)
      let (e1, e2) = (Scalar.exp(t * x[0]), Scalar.exp(t * x[1]))
      r[i] = 2 + 2 * t - (e1 + e2)
      if let g {
        g[0] -= 2 * r[i] * t * e1
        g[1] -= 2 * r[i] * t * e2
      }
    }
  }
}
