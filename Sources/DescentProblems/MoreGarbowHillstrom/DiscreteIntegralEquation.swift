import Descent

/// The discrete integral equation function (MGH problem 29): m = n, h = 1/(n + 1),
/// tᵢ = ih, cⱼ = (xⱼ + tⱼ + 1)³,
///
///     rᵢ = xᵢ + h[(1 − tᵢ) Σ_{j≤i} tⱼcⱼ + tᵢ Σ_{j>i} (1 − tⱼ)cⱼ]/2,
///
/// start xⱼ = tⱼ(tⱼ − 1); f* = 0. The two sums run as prefix and suffix sums, so an
/// evaluation costs O(n), not O(n²).
public struct DiscreteIntegralEquation<Scalar: DescentFloat>: SizedSumOfSquares {
  public static var catalogEntry: CatalogEntry<Self> {
    .moreGarbowHillstrom(
      29, "discrete-integral-equation", "an integral equation, discretised; dense Jacobian", dimension: 10)
  }

  public let dimension: Int
  public init(checkedDimension n: Int) { dimension = n }

  public var defaultStart: [Scalar] { DiscreteBoundaryValue.start(dimension: dimension) }
  public var minimum: Scalar? { 0 }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(at x: Point, residuals r: Output, gradient g: Output?) {
    let n = dimension
    let h = 1 / Scalar(n + 1)
    func t(_ j: Int) -> Scalar { Scalar(j + 1) * h }
    func cube(_ j: Int) -> Scalar {
      let u = x[j] + t(j) + 1
      return u * u * u
    }
    // Suffix sums Σ_{j>i} (1 − tⱼ)cⱼ, written into r first and replaced in place.
    var suffix: Scalar = 0
    for i in stride(from: n - 1, through: 0, by: -1) {
      r[i] = suffix
      suffix += (1 - t(i)) * cube(i)
    }
    var prefix: Scalar = 0
    for i in 0..<n {
      prefix += t(i) * cube(i)
      r[i] = x[i] + h * ((1 - t(i)) * prefix + t(i) * r[i]) / 2
    }
    guard let g else { return }
    // ∂rᵢ/∂xₖ = δᵢₖ + (h/2)·3(xₖ + tₖ + 1)²·[(1 − tᵢ)tₖ if k ≤ i, tᵢ(1 − tₖ) if k > i].
    var later: Scalar = 0  // Σ_{i≥k} rᵢ(1 − tᵢ)
    var total: Scalar = 0  // Σ_{i<k} rᵢtᵢ, as the sum over all minus those ≥ k
    for i in 0..<n { total += r[i] * t(i) }
    var earlier = total
    for k in stride(from: n - 1, through: 0, by: -1) {
      later += r[k] * (1 - t(k))
      earlier -= r[k] * t(k)
      let u = x[k] + t(k) + 1
      g[k] += 2 * r[k] + h * 3 * u * u * (t(k) * later + (1 - t(k)) * earlier)
    }
  }
}
