import Descent

/// A convex quadratic with a chosen condition number, axis-aligned:
///
///     f(w) = ½ Σᵢ qᵢwᵢ²,   qᵢ = κ^{i/(d−1)}, i = 0 … d − 1,
///
/// curvatures from 1 to κ evenly spaced in log scale; w* = 0, f* = 0, started from a
/// seeded draw of N(0, I). A per-component step-size is exact here: the case where
/// Csawg's diagonal model is right.
public struct DiagonalQuadratic<Scalar: DescentFloat>: CatalogedProblem {
  public let condition: Scalar
  public let seed: UInt64
  public let quadratic: Quadratic<Scalar>

  public init(dimension: Int = 100, condition: Scalar = 1e4, seed: UInt64 = 0) throws(DescentError) {
    try Self.checkSetting("condition", condition)
    try Self.checkSetting("dimension", dimension)
    try DescentError.requireProblemSize(dimension, residuals: dimension, of: Scalar.self)
    self.condition = condition
    self.seed = seed
    let q = Quadratic<Scalar>.logSpacedCurvatures(dimension: dimension, condition: condition)
    quadratic = Quadratic(positiveDefinite: .diagonal(q), dimension: dimension)
  }

  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "diagonal-quadratic", summary: "½ Σ qᵢwᵢ², curvatures 1 … κ log-spaced; seeded start",
      citation: "Nocedal & Wright (2006), §3.3: conditioning and steepest descent",
      initialiserDefaults: { try Self() }, settings: conditionedSettings(dimensions: .atLeast(1)),
      build: { v throws(DescentError) in
        try Self(dimension: v.dimension, condition: v.condition, seed: v.seed)
      })
  }
}

extension DiagonalQuadratic: ConditionedQuadratic {}
