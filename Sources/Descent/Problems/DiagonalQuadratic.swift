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
  let quadratic: Quadratic<Scalar>

  public init(dimension: Int = 100, condition: Scalar = 1e4, seed: UInt64 = 0) throws(DescentError) {
    try DescentError.require(condition >= 1 && condition.isFinite, "condition", condition, "a finite number ≥ 1")
    try DescentError.requireProblemSize(dimension, atLeast: 1, residuals: dimension, of: Scalar.self)
    self.condition = condition
    self.seed = seed
    let q = Quadratic<Scalar>.logSpacedCurvatures(dimension: dimension, condition: condition)
    quadratic = Quadratic(positiveDefinite: .diagonal(q), dimension: dimension)
  }

  public var dimension: Int { quadratic.dimension }
  public var minimizer: [Scalar]? { quadratic.minimizer }
  public var minimum: Scalar? { 0 }
  public var defaultStart: [Scalar] { Quadratic.seededStart(dimension: dimension, seed: seed) }

  public func value(at w: UnsafeBufferPointer<Scalar>) -> Scalar { quadratic.value(at: w) }

  public func gradient(at w: UnsafeBufferPointer<Scalar>, into g: UnsafeMutableBufferPointer<Scalar>) {
    quadratic.gradient(at: w, into: g)
  }

  public static var problem: MethodDescription {
    MethodDescription(
      name: "diagonal-quadratic", summary: "½ Σ qᵢwᵢ², curvatures 1 … κ log-spaced; seeded start",
      citation: "Nocedal & Wright (2006), §3.3: conditioning and steepest descent",
      parameters: settings(dimensions: "≥ 1"))
  }

  /// d, κ and the seed, the settings both conditioned quadratics take.
  static func settings(dimensions: String) -> [ParameterDescription] {
    [
      .dimension(100, allowed: dimensions),
      ParameterDescription(
        "condition", symbol: "κ", default: "1e4", allowed: "≥ 1", summary: "largest ÷ smallest curvature"),
      ParameterDescription(
        "seed", kind: .integer, default: "0", allowed: "≥ 0", summary: "seed of the start, drawn from N(0, I)"),
    ]
  }

  public init(settings: Settings) throws(DescentError) {
    try self.init(
      dimension: settings.integer("dimension"), condition: settings.real("condition"), seed: settings.seed("seed"))
  }
}

extension Settings {
  /// A seed: an integer ≥ 0.
  func seed(_ name: String) throws(DescentError) -> UInt64 {
    let value = try integer(name)
    guard value >= 0 else { throw .invalidValue(name: name, value: String(value), expected: "an integer ≥ 0") }
    return UInt64(value)
  }
}
