import Descent

/// A convex quadratic with a chosen condition number, rotated:
///
///     f(w) = ½ wᵀQw,   Q = U diag(q) Uᵀ,   qᵢ = κ^{i/(d−1)},
///
/// with U a seeded random orthogonal matrix (the QR factor of a Gaussian matrix,
/// column signs fixed by R's diagonal, which makes U Haar-distributed: Mezzadri 2007,
/// "How to generate random matrices from the classical compact groups"). w* = 0,
/// f* = 0, started from a seeded draw of N(0, I). Every component is coupled to every
/// other: the case a diagonal step-size model cannot fit. Q is formed once (O(d³), a
/// few seconds at d = 1,000); each evaluation costs O(d²); d is at most 1,000.
public struct RotatedQuadratic<Scalar: DescentFloat>: CatalogedProblem {
  public let condition: Scalar
  public let seed: UInt64
  public let quadratic: Quadratic<Scalar>

  public init(dimension d: Int = 100, condition: Scalar = 1e4, seed: UInt64 = 0) throws(DescentError) {
    try Self.checkSetting("condition", condition)
    try Self.checkSetting("dimension", d)
    try DescentError.requireProblemSize(
      d, residuals: MemoryRequirement.product(d, d).flatMap { MemoryRequirement.product(2, $0) }, of: Scalar.self)
    self.condition = condition
    self.seed = seed
    let q = Quadratic<Scalar>.logSpacedCurvatures(dimension: d, condition: condition).map(Double.init)
    let u = Self.orthogonal(dimension: d, seed: seed)
    // Q = U diag(q) Uᵀ, column-major U: Q[i][j] = Σₖ U[i][k] q[k] U[j][k].
    var matrix = [Scalar](repeating: 0, count: d * d)
    for i in 0..<d {
      for j in i..<d {
        var entry: Double = 0
        for k in 0..<d { entry += u[k * d + i] * q[k] * u[k * d + j] }
        matrix[i * d + j] = Scalar(entry)
        matrix[j * d + i] = Scalar(entry)
      }
    }
    quadratic = Quadratic(positiveDefinite: .dense(matrix), dimension: d)
  }

  /// A d×d orthogonal matrix, column k at `k·d`: modified Gram–Schmidt, run twice for
  /// orthogonality to rounding, on d seeded Gaussian columns. Gram–Schmidt's R has a
  /// positive diagonal, the sign convention Haar measure needs.
  static func orthogonal(dimension d: Int, seed: UInt64) -> [Double] {
    var generator = SeededGenerator(seed: seed &+ 0x5EED)
    var u = (0..<(d * d)).map { _ in generator.normal() }
    for k in 0..<d {
      for _ in 0..<2 {
        for p in 0..<k {
          var dot: Double = 0
          for i in 0..<d { dot += u[p * d + i] * u[k * d + i] }
          for i in 0..<d { u[k * d + i] -= dot * u[p * d + i] }
        }
        var norm: Double = 0
        for i in 0..<d { norm += u[k * d + i] * u[k * d + i] }
        norm = norm.squareRoot()
        for i in 0..<d { u[k * d + i] /= norm }
      }
    }
    return u
  }

  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "rotated-quadratic", summary: "½ wᵀU diag(q) Uᵀw, U seeded random orthogonal; seeded start",
      citation: "Mezzadri (2007) for U; Nocedal & Wright (2006), §3.3", initialiserDefaults: { try Self() },
      settings: conditionedSettings(dimensions: .between(1, 1_000)),
      build: { v throws(DescentError) in
        try Self(dimension: v.dimension, condition: v.condition, seed: v.seed)
      })
  }
}

extension RotatedQuadratic: ConditionedQuadratic {}
