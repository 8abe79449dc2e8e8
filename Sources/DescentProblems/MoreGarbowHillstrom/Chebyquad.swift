import Descent

/// The Chebyquad function (MGH problem 35), here with m = n: with Tᵢ the Chebyshev
/// polynomials shifted to [0, 1],
///
///     rᵢ = (1/n) Σⱼ Tᵢ(xⱼ) − ∫₀¹ Tᵢ,   ∫₀¹ Tᵢ = 0 (i odd), −1/(i² − 1) (i even),
///
/// start xⱼ = j/(n + 1); f* = 0 for n ≤ 7 and n = 9, 3.51687·10⁻³ (n = 8),
/// 6.50395·10⁻³ (n = 10). An evaluation costs O(n·m), so n is at most 10,000.
public struct Chebyquad<Scalar: DescentFloat>: SizedSumOfSquares {
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(
      35, "chebyquad", "equal-weight quadrature nodes for Chebyshev polynomials", dimension: 8, .between(1, 10_000))
  }

  public let dimension: Int
  public init(checkedDimension n: Int) { dimension = n }

  public var defaultStart: [Scalar] { (1...dimension).map { Scalar($0) / Scalar(dimension + 1) } }
  public var minimum: Scalar? {
    let known: [Int: Scalar] = [8: 3.51687e-3, 10: 6.50395e-3]
    return dimension <= 7 || dimension == 9 ? 0 : known[dimension]
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    let n = dimension
    let scale = 1 / Scalar(n)
    for i in 0..<n { r[i] = 0 }
    for j in 0..<n {
      // T₁, T₂, … at y = 2xⱼ − 1, by T_{k+1} = 2yT_k − T_{k−1}.
      let y = 2 * x[j] - 1
      var (previous, current) = (Scalar(1), y)
      for i in 0..<n {
        r[i] += scale * current
        (previous, current) = (current, 2 * y * current - previous)
      }
    }
    for i in 0..<n where (i + 1) % 2 == 0 {
      let k = Scalar(i + 1)
      r[i] += 1 / (k * k - 1)
    }
    guard let g else { return }
    for j in 0..<n {
      // dTₖ/dx = 2Tₖ'(y), with T'_{k+1} = 2Tₖ + 2yT'ₖ − T'_{k−1}.
      let y = 2 * x[j] - 1
      var (previous, current) = (Scalar(1), y)
      var (previousSlope, slope) = (Scalar(0), Scalar(1))
      var total: Scalar = 0
      for i in 0..<n {
        total += r[i] * slope
        let nextSlope = 2 * current + 2 * y * slope - previousSlope
        (previous, current) = (current, 2 * y * current - previous)
        (previousSlope, slope) = (slope, nextSlope)
      }
      g[j] += 2 * scale * 2 * total
    }
  }
}
