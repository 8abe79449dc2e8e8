import Descent

/// Osborne's second function (MGH problem 19): n = 11, m = 65,
///
///     rᵢ = yᵢ − (x₁e^{−tᵢx₅} + x₂e^{−(tᵢ−x₉)²x₆} + x₃e^{−(tᵢ−x₁₀)²x₇} + x₄e^{−(tᵢ−x₁₁)²x₈}),
///     tᵢ = (i − 1)/10,
///
/// start (1.3, 0.65, 0.65, 0.7, 0.6, 3, 5, 7, 2, 4.5, 5.5); f* = 4.01377·10⁻².
public struct Osborne2<Scalar: DescentFloat>: FixedSumOfSquares {
  public init() {}
  public var dimension: Int { 11 }
  public var residualCount: Int { 65 }
  public var defaultStart: [Scalar] { [1.3, 0.65, 0.65, 0.7, 0.6, 3, 5, 7, 2, 4.5, 5.5] }
  public var minimum: Scalar? { 4.01377e-2 }
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(19, "osborne-2", "an exponential and three Gaussians, 65 points")
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    for i in 0..<65 {
      let t = Scalar(i) / 10
      let e1 = Scalar.exp(-t * x[4])
      // Gaussian k: amplitude x[1 + k], width x[5 + k], centre x[8 + k].
      var model = x[0] * e1
      for k in 0..<3 {
        let offset = t - x[8 + k]
        model += x[1 + k] * Scalar.exp(-offset * offset * x[5 + k])
      }
      r[i] = Scalar(osborne2Data[i]) - model
      guard let g else { continue }
      let weight = -2 * r[i]  // d(rᵢ²)/d(model)
      g[0] += weight * e1
      g[4] -= weight * x[0] * t * e1
      for k in 0..<3 {
        let offset = t - x[8 + k]
        let bump = Scalar.exp(-offset * offset * x[5 + k])
        g[1 + k] += weight * bump
        g[5 + k] -= weight * x[1 + k] * bump * offset * offset
        g[8 + k] += weight * x[1 + k] * bump * 2 * offset * x[5 + k]
      }
    }
  }
}

private let osborne2Data: [Double] = [
  1.366, 1.191, 1.112, 1.013, 0.991, 0.885, 0.831, 0.847, 0.786, 0.725, 0.746, 0.679, 0.608, 0.655, 0.616, 0.606,
  0.602, 0.626, 0.651, 0.724, 0.649, 0.649, 0.694, 0.644, 0.624, 0.661, 0.612, 0.558, 0.533, 0.495, 0.500, 0.423,
  0.395, 0.375, 0.372, 0.391, 0.396, 0.405, 0.428, 0.429, 0.523, 0.562, 0.607, 0.653, 0.672, 0.708, 0.633, 0.668,
  0.645, 0.632, 0.591, 0.559, 0.597, 0.625, 0.739, 0.710, 0.729, 0.720, 0.636, 0.581, 0.428, 0.292, 0.162, 0.098,
  0.054,
]
